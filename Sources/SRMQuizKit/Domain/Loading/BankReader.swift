import Foundation
import Yams

/// Reads the sections of bank files into model values, remembering where each entry came from
/// so that ``BankValidator`` can report cross-file problems in place.
struct BankReader {
    var bank = Bank()
    var problems: [BankProblem] = []
    /// Where each entry was read, by section, in file order (duplicates included).
    private(set) var places: [Section: [(id: String, field: YAMLPlace)]] = [:]

    enum Section: String, CaseIterable {
        case sources, services, tasks, controls, facts, questions
        case toolFamilies = "tool-families", serviceHelp = "service-help"
    }

    static let topLevelKeys: Set<String> = Set(Section.allCases.map(\.rawValue)).union(["format"])
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isLowerAlnum(first) else { return false }
        return id.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    /// `patching.host`: ids joined by dots.
    static func isValidFamily(_ name: String) -> Bool {
        !name.isEmpty
            && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                isValidID(String($0))
            }
    }

    static func isValidSourceKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, isUpperAlnum(first) else { return false }
        return key.unicodeScalars.allSatisfy { isUpperAlnum($0) || $0 == "-" }
    }

    private static func isLowerAlnum(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }
    private static func isUpperAlnum(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }

    /// A bank file read and composed into YAML nodes, not yet turned into model values: the part
    /// of reading that depends on nothing else, so ``BankLoader`` runs it for several files at once.
    struct Parsed {
        let file: String
        /// The document's root; nil for an empty file or when `problem` is set.
        let root: Node?
        let problem: BankProblem?
    }

    /// Reads `file` (bounded, regular files only) and composes its YAML.
    static func parse(file: String) -> Parsed {
        let data: Data
        do {
            data = try BoundedFileReader.read(path: file, limit: BoundedFileReader.bankFileLimit)
        } catch {
            return Parsed(file: file, root: nil, problem: BankProblem(file: file, message: error.reason))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Parsed(
                file: file, root: nil, problem: BankProblem(file: file, message: "the file is not UTF-8 text")
            )
        }
        return parse(text: text, file: file)
    }

    /// Composes bank text held in memory, after the alias-expansion check.
    static func parse(text: String, file: String) -> Parsed {
        if let bomb = YAMLExpansionLimit.check(text, file: file) {
            return Parsed(file: file, root: nil, problem: bomb)
        }
        do {
            return Parsed(file: file, root: try Yams.compose(yaml: text, .basic), problem: nil)
        } catch let error as YamlError {
            return Parsed(file: file, root: nil, problem: Self.syntaxProblem(error, file: file))
        } catch {
            return Parsed(
                file: file, root: nil,
                problem: BankProblem(file: file, message: "YAML syntax error: \(error)"))
        }
    }

    mutating func read(file: String) {
        read(Self.parse(file: file))
    }

    mutating func read(text: String, file: String) {
        read(Self.parse(text: text, file: file))
    }

    /// Turns a composed file into model values, in the order files are given.
    mutating func read(_ parsed: Parsed) {
        let file = parsed.file
        if let problem = parsed.problem {
            problems.append(problem)
            return
        }
        let root = parsed.root
        guard let root else { return }  // an empty file adds nothing
        let top = YAMLField(node: root, path: "", file: file)
        guard let entries = top.mappingEntries else {
            problems.append(
                top.problem(
                    "expected a mapping with keys \(Self.topLevelKeys.sorted().joined(separator: ", ")), found \(top.kindName)"
                ))
            return
        }
        for (key, value, keyNode) in entries {
            switch key {
            case "format":
                if value.node.int != 1 {
                    problems.append(
                        value.problem(
                            "unsupported format '\(value.scalarString ?? value.kindName)'; expected 1"))
                }
            case "sources": readSources(value)
            case "services": readList(value, section: .services)
            case "tasks": readList(value, section: .tasks)
            case "controls": readList(value, section: .controls)
            case "facts": readList(value, section: .facts)
            case "questions": readList(value, section: .questions)
            case "tool-families": readList(value, section: .toolFamilies)
            case "service-help": readList(value, section: .serviceHelp)
            default:
                let keyField = YAMLField(node: keyNode, path: key, file: file)
                problems.append(
                    keyField.problem(
                        "unknown top-level key '\(key)'; expected one of \(Self.topLevelKeys.sorted().joined(separator: ", "))"
                    ))
            }
        }
    }

    static func syntaxProblem(_ error: YamlError, file: String) -> BankProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                separator: " ")
            return BankProblem(
                file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(what)")
        default:
            return BankProblem(file: file, message: "YAML syntax error: \(error)")
        }
    }

    mutating func note(_ section: Section, _ id: String, _ field: YAMLField) {
        places[section, default: []].append((id, field.place))
    }

    private mutating func readList(_ value: YAMLField, section: Section) {
        if value.kindName == "null" { return }
        guard let elements = value.sequenceElements else {
            problems.append(value.problem("expected a list, found \(value.kindName)"))
            return
        }
        for element in elements {
            switch section {
            case .services: readService(element)
            case .tasks: readTask(element)
            case .controls: readControl(element)
            case .facts: readFact(element)
            case .questions: readQuestion(element)
            case .toolFamilies: readToolFamily(element)
            case .serviceHelp: readServiceHelp(element)
            case .sources: break
            }
        }
    }

    mutating func checkID(_ id: String?, _ object: YAMLObject) -> String? {
        guard let id else { return nil }
        guard Self.isValidID(id) else {
            problems.append(
                (object.child("id") ?? object.field).problem(
                    "invalid id '\(id)'; expected lower-case letters, digits and '-'"))
            return nil
        }
        return id
    }

    private mutating func readSources(_ value: YAMLField) {
        guard let entries = value.mappingEntries else {
            if value.kindName != "null" {
                problems.append(
                    value.problem(
                        "expected a mapping from source keys to {url, title, aws}, found \(value.kindName)"))
            }
            return
        }
        for (key, entry, _) in entries {
            guard Self.isValidSourceKey(key) else {
                problems.append(
                    entry.problem("invalid source key '\(key)'; expected upper-case letters, digits and '-'"))
                continue
            }
            guard var object = YAMLObject(entry, allowed: ["url", "title", "aws"], problems: &problems) else {
                continue
            }
            let url = object.string("url")
            let title = object.string("title")
            let aws = object.bool("aws", default: false)
            if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                problems.append(
                    (object.child("url") ?? entry).problem("expected an http(s) URL, found '\(url)'"))
            }
            problems += object.problems
            note(.sources, key, entry)
            if let url, let title {
                bank.sources[key] = Source(key: key, url: url, title: title, isAWS: aws)
            }
        }
    }

    private mutating func readService(_ field: YAMLField) {
        guard
            var o = YAMLObject(
                field, allowed: ["id", "name", "aliases", "category", "derived", "summary", "sources"],
                problems: &problems)
        else { return }
        let id = checkID(o.string("id"), o)
        let name = o.string("name")
        let category = o.value("category", as: ServiceCategory.self)
        let service = Service(
            id: id ?? "", name: name ?? "", aliases: o.strings("aliases", required: false),
            category: category ?? .none, categoryDerived: o.bool("derived", default: false),
            summary: o.optionalString("summary") ?? "", sources: o.strings("sources", required: true))
        problems += o.problems
        guard let id, name != nil, category != nil else { return }
        note(.services, id, field)
        bank.services.append(service)
    }

    private mutating func readTask(_ field: YAMLField) {
        guard
            var o = YAMLObject(
                field, allowed: ["id", "text", "topic", "family", "overrides"], problems: &problems)
        else { return }
        let id = checkID(o.string("id"), o)
        let text = o.string("text")
        let topic = o.string("topic")
        let family = o.optionalString("family")
        let overrides = o.strings("overrides", required: false)
        for name in [family].compactMap({ $0 }) + overrides where !Self.isValidFamily(name) {
            o.problems.append(
                (o.child("family") ?? field).problem(
                    "invalid task family '\(name)'; expected lower-case words joined by '-' and '.', such as patching.host"
                ))
        }
        problems += o.problems
        guard let id, let text, let topic else { return }
        note(.tasks, id, field)
        bank.tasks.append(
            ResponsibilityTask(id: id, text: text, topic: topic, family: family, overrides: overrides))
    }

    private mutating func readControl(_ field: YAMLField) {
        guard
            var o = YAMLObject(
                field, allowed: ["id", "name", "type", "aws", "customer", "examples", "sources"],
                problems: &problems)
        else { return }
        let id = checkID(o.string("id"), o)
        let name = o.string("name")
        let type = o.value("type", as: ControlType.self)
        let control = Control(
            id: id ?? "", name: name ?? "", type: type ?? .shared, awsPart: o.optionalString("aws"),
            customerPart: o.optionalString("customer"), examples: o.strings("examples", required: false),
            sources: o.strings("sources", required: true))
        if type == .shared && (control.awsPart == nil || control.customerPart == nil) {
            o.problems.append(field.problem("a shared control needs both 'aws' and 'customer' parts"))
        }
        problems += o.problems
        guard let id, name != nil, type != nil else { return }
        note(.controls, id, field)
        bank.controls.append(control)
    }

    private mutating func readFact(_ field: YAMLField) {
        guard
            var o = YAMLObject(
                field,
                allowed: [
                    "id", "task", "service", "text", "owner", "reason", "nuance", "control", "sources",
                ], problems: &problems)
        else { return }
        let id = checkID(o.string("id"), o)
        let task = o.string("task")
        let service = o.string("service")
        let text = o.string("text")
        let owner = o.value("owner", as: Owner.self)
        let reason = o.string("reason")
        var nuance: Fact.Nuance?
        if let nuanceField = o.child("nuance"), nuanceField.kindName != "null" {
            if var n = YAMLObject(nuanceField, allowed: ["owner", "text"], problems: &problems) {
                let nuanceOwner: Owner? = n.has("owner") ? n.value("owner", as: Owner.self) : nil
                if let nuanceText = n.string("text") {
                    nuance = Fact.Nuance(owner: nuanceOwner, text: nuanceText)
                }
                problems += n.problems
            }
        }
        let control = o.optionalString("control")
        let sources = o.strings("sources", required: true)
        problems += o.problems
        guard let id, let task, let service, let text, let owner, let reason else { return }
        note(.facts, id, field)
        bank.facts.append(
            Fact(
                id: id, task: task, service: service, text: text, owner: owner, reason: reason,
                nuance: nuance, control: control, sources: sources))
    }

    private mutating func readQuestion(_ field: YAMLField) {
        guard
            var o = YAMLObject(
                field,
                allowed: [
                    "id", "type", "prompt", "choices", "answer", "explanation", "services", "topics", "facts",
                    "sources",
                ], problems: &problems)
        else { return }
        let id = checkID(o.string("id"), o)
        let style = o.value("type", as: AuthoredQuestion.Style.self)
        let prompt = o.string("prompt")
        var choices = o.strings("choices", required: style != .trueFalse)
        let answers = o.strings("answer", required: true)
        let explanation = o.string("explanation")
        let question = AuthoredQuestion(
            id: id ?? "", style: style ?? .single, prompt: prompt ?? "", choices: [], answers: answers,
            explanation: explanation ?? "", sources: o.strings("sources", required: true),
            services: o.strings("services", required: false), topics: o.strings("topics", required: false),
            facts: o.strings("facts", required: false))
        problems += o.problems
        guard let id, let style, prompt != nil, explanation != nil else { return }
        var checked = question
        let place = o.child("answer") ?? field
        switch style {
        case .trueFalse:
            if !choices.isEmpty {
                problems.append(
                    (o.child("choices") ?? field).problem(
                        "a true-false question takes no choices (they are True and False)"))
            }
            choices = ["True", "False"]
            let normalised = answers.map { $0.lowercased() }
            if normalised == ["true"] {
                checked.answers = ["True"]
            } else if normalised == ["false"] {
                checked.answers = ["False"]
            } else {
                problems.append(
                    place.problem("a true-false answer must be [True] or [False], found \(answers)"))
            }
        case .single:
            if choices.count < 2 {
                problems.append(
                    (o.child("choices") ?? field).problem(
                        "a single-answer question needs at least 2 choices, found \(choices.count)"))
            }
            if answers.count != 1 {
                problems.append(
                    place.problem("a single-answer question needs exactly 1 answer, found \(answers.count)"))
            }
        case .multiple:
            if answers.count < 2 {
                problems.append(
                    place.problem(
                        "a multiple-response question needs at least 2 answers, found \(answers.count)"))
            }
            if choices.count <= answers.count {
                problems.append(
                    (o.child("choices") ?? field).problem(
                        "a multiple-response question needs more choices than answers"))
            }
        }
        if style != .trueFalse {
            for answer in answers where !choices.contains(answer) {
                problems.append(place.problem("answer '\(answer)' is not among the choices"))
            }
            if Set(choices).count != choices.count {
                problems.append((o.child("choices") ?? field).problem("two choices have the same text"))
            }
        }
        checked.choices = choices
        note(.questions, id, field)
        bank.questions.append(checked)
    }
}
