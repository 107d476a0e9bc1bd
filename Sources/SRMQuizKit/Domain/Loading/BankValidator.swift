/// Cross-entry checks over everything read: duplicate ids, references that do not resolve, and
/// facts that contradict each other.
struct BankValidator {
    let reader: BankReader

    func problems() -> [BankProblem] {
        var problems: [BankProblem] = []
        let bank = reader.bank
        let serviceIDs = Set(bank.services.map(\.id))
        let taskIDs = Set(bank.tasks.map(\.id))
        let controlIDs = Set(bank.controls.map(\.id))
        let factIDs = Set(bank.facts.map(\.id))

        for section in BankReader.Section.allCases {
            var first: [String: YAMLPlace] = [:]
            for (id, field) in reader.places[section] ?? [] {
                if let earlier = first[id] {
                    let at = earlier.file + (earlier.line.map { ":\($0)" } ?? "")
                    problems.append(
                        field.problem("duplicate \(section.rawValue) id '\(id)' (first defined at \(at))"))
                } else {
                    first[id] = field
                }
            }
        }

        func checkSources(_ references: [String], at field: YAMLPlace) {
            for reference in references
            where !(reference.hasPrefix("https://") || reference.hasPrefix("http://"))
                && bank.sources[reference] == nil
            {
                problems.append(
                    field.problem(
                        "unknown source '\(reference)'; expected a key from 'sources' or an http(s) URL"))
            }
        }
        func place(_ section: BankReader.Section, _ index: Int) -> YAMLPlace? {
            let list = reader.places[section] ?? []
            return index < list.count ? list[index].field : nil
        }

        for (index, service) in bank.services.enumerated() {
            guard let field = place(.services, index) else { continue }
            checkSources(service.sources, at: field)
        }
        for (index, control) in bank.controls.enumerated() {
            guard let field = place(.controls, index) else { continue }
            checkSources(control.sources, at: field)
        }

        let families = Set(bank.tasks.map(\.family))
        for (index, task) in bank.tasks.enumerated() {
            guard let field = place(.tasks, index) else { continue }
            for family in task.overrides where !families.contains(family) {
                problems.append(
                    field.problem(
                        "task '\(task.id)' overrides unknown family '\(family)'; expected the family of some task (\(families.sorted().prefix(6).joined(separator: ", ")), …)"
                    ))
            }
        }

        var ownerByTaskService: [String: (Owner, String)] = [:]
        var textByService: [String: String] = [:]
        for (index, fact) in bank.facts.enumerated() {
            guard let field = place(.facts, index) else { continue }
            if !taskIDs.contains(fact.task) {
                problems.append(
                    field.problem("unknown task '\(fact.task)' in fact '\(fact.id)'; expected a task id"))
            }
            if fact.service != Fact.allServices && !serviceIDs.contains(fact.service) {
                problems.append(
                    field.problem(
                        "unknown service '\(fact.service)' in fact '\(fact.id)'; expected a service id or 'all'"
                    ))
            }
            if let control = fact.control, !controlIDs.contains(control) {
                problems.append(
                    field.problem("unknown control '\(control)' in fact '\(fact.id)'; expected a control id"))
            }
            checkSources(fact.sources, at: field)
            let key = "\(fact.task)\u{0}\(fact.service)"
            if let (owner, otherID) = ownerByTaskService[key], owner != fact.owner, otherID != fact.id {
                problems.append(
                    field.problem(
                        "fact '\(fact.id)' contradicts fact '\(otherID)': task '\(fact.task)' on '\(fact.service)' is owned by \(fact.owner.displayName) here and by \(owner.displayName) there"
                    ))
            } else if ownerByTaskService[key] == nil {
                ownerByTaskService[key] = (fact.owner, fact.id)
            }
            let textKey = "\(fact.service)\u{0}\(fact.text.lowercased())"
            if let otherID = textByService[textKey], otherID != fact.id {
                problems.append(
                    field.problem(
                        "fact '\(fact.id)' has the same text on '\(fact.service)' as fact '\(otherID)'"))
            } else {
                textByService[textKey] = fact.id
            }
        }

        problems += serviceHelpProblems(checkSources: checkSources)

        var prompts: [String: String] = [:]
        for (index, question) in bank.questions.enumerated() {
            guard let field = place(.questions, index) else { continue }
            checkSources(question.sources, at: field)
            for service in question.services where !serviceIDs.contains(service) {
                problems.append(field.problem("unknown service '\(service)' in question '\(question.id)'"))
            }
            for fact in question.facts where !factIDs.contains(fact) {
                problems.append(field.problem("unknown fact '\(fact)' in question '\(question.id)'"))
            }
            let normalised = question.prompt.lowercased()
            if let other = prompts[normalised], other != question.id {
                problems.append(
                    field.problem("question '\(question.id)' has the same prompt as question '\(other)'"))
            } else {
                prompts[normalised] = question.id
            }
        }
        return problems
    }
}
