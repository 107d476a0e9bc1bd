import Foundation

/// Moodle GIFT.
///
/// Questions are grouped under `$CATEGORY: srmquiz/<kind>` and titled `::id::`.
///
/// - One correct choice: multiple choice (`=right#Correct.` / `~wrong#Incorrect.`).
/// - Several correct choices: multiple response with weights: each right choice `~%w%` with the
///   weights summing to 100, each wrong choice `-100/(wrong choices)`, so choosing everything earns
///   0 (Moodle never lets a question's score go below 0).
/// - True/false items: `{T}` or `{F}` with wrong and right feedback (`#Incorrect.#Correct.`).
/// - Owner items are also grouped per service into matching questions ("Match each task to who owns
///   it"), `=task -> Owner`, when a service has at least 3 of them. Moodle's editor needs at least
///   three distinct answers, so owners the service's tasks do not use are added as extra answers
///   (`= -> Shared`, a blank question), and a group that still has fewer than three is left out.
/// - Flashcards whose answer is an owner become short-answer questions accepting the owner's
///   names (`{=Customer =The customer}`); other items without choices (service summaries, kinds
///   this exporter does not know) become essay questions with the answer in the general feedback.
/// - Explanation, nuance and sources go in the general feedback (`####`).
///
/// Every text is escaped with ``GIFTText/escape(_:)``.
package struct GIFTExporter: ItemExporter {
    /// The category prefix.
    package static let categoryRoot = "srmquiz"
    /// Matching questions need at least this many pairs.
    package static let minimumMatchingPairs = 3
    /// Moodle's editor needs at least this many distinct answers in a matching question.
    package static let minimumMatchingAnswers = 3

    /// Fact id → fact text (the task phrase used on the left of matching pairs).
    package var factTexts: [String: String]
    /// Service id → name, for matching questions' prompts.
    package var serviceNames: [String: String]

    package init(factTexts: [String: String] = [:], serviceNames: [String: String] = [:]) {
        self.factTexts = factTexts
        self.serviceNames = serviceNames
    }

    /// Takes fact texts and service names from `bank`.
    package init(bank: Bank) {
        let names = DisplayNames(bank: bank)
        self.init(factTexts: names.facts, serviceNames: names.services)
    }

    package func export(_ items: [Item]) -> ExportOutput {
        var skipped: [SkippedItem] = []
        var byKind: [(kind: String, blocks: [String])] = []
        func add(_ block: String, to kind: String) {
            if let index = byKind.firstIndex(where: { $0.kind == kind }) {
                byKind[index].blocks.append(block)
            } else {
                byKind.append((kind, [block]))
            }
        }
        for item in items {
            switch question(item) {
            case .success(let block): add(block, to: item.kind.rawValue)
            case .failure(let reason): skipped.append(SkippedItem(id: item.id, reason: reason.message))
            }
        }
        for block in matchingQuestions(items) { add(block, to: "matching") }

        var text = "// srmquiz export (Moodle GIFT)\n"
        for (kind, blocks) in byKind {
            text += "\n$CATEGORY: \(Self.categoryRoot)/\(kind)\n\n"
            text += blocks.joined(separator: "\n")
        }
        return ExportOutput(text: text, skipped: skipped)
    }

    struct Skip: Error { var message: String }

    /// One item as a GIFT question, or why it cannot be one.
    func question(_ item: Item) -> Result<String, Skip> {
        guard !item.choices.isEmpty else { return .success(openQuestion(item)) }
        let correct = item.choices.filter { item.answers.contains($0) }
        guard !correct.isEmpty else { return .failure(Skip(message: "no answer is among the choices")) }
        var out = "::" + GIFTText.escape(item.id) + "::" + GIFTText.escape(item.prompt)
        let feedback = generalFeedback(item)

        if let truth = Self.trueFalseAnswer(item) {
            out += "{" + (truth ? "T" : "F") + "#Incorrect.#Correct." + feedback + "}\n"
            return .success(out)
        }
        out += "{\n"
        if correct.count == 1 {
            for choice in item.choices {
                let right = choice == correct[0]
                out +=
                    "\t" + (right ? "=" : "~") + GIFTText.escape(choice)
                    + (right ? "#Correct." : "#Incorrect.") + "\n"
            }
        } else {
            let wrongCount = item.choices.count - correct.count
            let rightWeight = Self.weight(100.0 / Double(correct.count))
            let wrongWeight = wrongCount > 0 ? Self.weight(-100.0 / Double(wrongCount)) : "0"
            for choice in item.choices {
                let right = correct.contains(choice)
                out +=
                    "\t~%" + (right ? rightWeight : wrongWeight) + "%" + GIFTText.escape(choice)
                    + (right ? "#Correct." : "#Incorrect.") + "\n"
            }
        }
        if !feedback.isEmpty { out += "\t" + feedback + "\n" }
        out += "}\n"
        return .success(out)
    }

    /// An item without choices: short answer when its answer is an owner (`owner:` tag), else an
    /// essay question whose general feedback gives the answer.
    func openQuestion(_ item: Item) -> String {
        let out = "::" + GIFTText.escape(item.id) + "::" + GIFTText.escape(item.prompt)
        if let owner = item.values(of: "owner").first.flatMap(Owner.init(rawValue:)) {
            // The accepted names are the answer; the explanation already gives the reason.
            let accepted = Self.acceptedNames(owner).map { "=" + GIFTText.escape($0) }
            return out + "{" + accepted.joined(separator: " ") + generalFeedback(item) + "}\n"
        }
        return out + "{" + generalFeedback(item, answer: item.answers.joined(separator: "\n")) + "}\n"
    }

    /// The short answers Moodle accepts for `owner` (it compares without case).
    static func acceptedNames(_ owner: Owner) -> [String] {
        switch owner {
        case .aws: ["AWS", "Amazon Web Services", "Amazon"]
        case .customer: ["Customer", "The customer", "You"]
        case .shared: ["Shared", "Both", "AWS and the customer"]
        }
    }

    /// `####explanation\n\nNuance: …\n\nSources: …`, escaped; empty when there is nothing to say.
    ///
    /// `answer`, when given, opens the feedback as `Answer: …`.
    func generalFeedback(_ item: Item, answer: String? = nil) -> String {
        var parts: [String] = []
        if let answer, !answer.isEmpty { parts.append("Answer: " + answer) }
        if !item.explanation.isEmpty { parts.append(item.explanation) }
        if let nuance = item.nuance, !nuance.isEmpty { parts.append(GIFTExporter.nuanceLabel + nuance) }
        if !item.sources.isEmpty {
            parts.append(GIFTExporter.sourcesLabel + item.sources.joined(separator: " "))
        }
        return parts.isEmpty ? "" : "####" + GIFTText.escape(parts.joined(separator: "\n\n"))
    }

    /// The label before the nuance paragraph of general feedback.
    package static let nuanceLabel = "Nuance: "
    /// The label before the sources paragraph of general feedback (space-separated URLs).
    package static let sourcesLabel = "Sources: "

    /// Matching questions: owner items grouped by service, task → owner.
    func matchingQuestions(_ items: [Item]) -> [String] {
        var services: [String] = []
        var pairs: [String: [(task: String, owner: String)]] = [:]
        var explanations: [String: [String]] = [:]
        var sources: [String: [String]] = [:]
        for item in items where item.kind == .owner && item.answers.count == 1 {
            guard let service = item.values(of: "service").first else { continue }
            let task = item.facts.first.flatMap { factTexts[$0] } ?? item.prompt
            if pairs[service] == nil { services.append(service) }
            guard !(pairs[service] ?? []).contains(where: { $0.task == task }) else { continue }
            pairs[service, default: []].append((task, item.answers[0]))
            explanations[service, default: []].append(item.explanation)
            for source in item.sources where !(sources[service] ?? []).contains(source) {
                sources[service, default: []].append(source)
            }
        }
        return services.compactMap { service in
            guard let list = pairs[service], list.count >= Self.minimumMatchingPairs else { return nil }
            var owners: [String] = []
            for pair in list where !owners.contains(pair.owner) { owners.append(pair.owner) }
            let extras = Owner.allCases.map(\.displayName).filter { !owners.contains($0) }
            guard owners.count + extras.count >= Self.minimumMatchingAnswers else { return nil }
            let name = serviceNames[service] ?? service
            var out = "::" + GIFTText.escape("match-" + service) + "::"
            out += GIFTText.escape("Match each task to who owns it when using \(name).") + "{\n"
            for pair in list {
                // "->" separates the two sides and cannot be escaped: keep it out of the task.
                let task = pair.task.replacingOccurrences(of: "->", with: "→")
                out += "\t=" + GIFTText.escape(task) + " -> " + GIFTText.escape(pair.owner) + "\n"
            }
            for extra in extras.prefix(max(0, Self.minimumMatchingAnswers - owners.count)) {
                out += "\t= -> " + GIFTText.escape(extra) + "\n"  // an answer no task takes
            }
            var feedback = (explanations[service] ?? []).filter { !$0.isEmpty }.joined(separator: "\n")
            if let urls = sources[service], !urls.isEmpty {
                feedback += (feedback.isEmpty ? "" : "\n\n") + Self.sourcesLabel + urls.joined(separator: " ")
            }
            if !feedback.isEmpty { out += "\t####" + GIFTText.escape(feedback) + "\n" }
            return out + "}\n"
        }
    }

    /// `true`/`false` when the item is a true/false statement (choices True and False, one answer).
    static func trueFalseAnswer(_ item: Item) -> Bool? {
        let choices = item.choices.map { $0.lowercased() }
        guard choices.count == 2, Set(choices) == ["true", "false"], item.answers.count == 1 else {
            return nil
        }
        return item.answers[0].lowercased() == "true"
    }

    /// A percentage as Moodle writes it: at most 5 decimals, no trailing zeros (`33.33333`, `-50`).
    static func weight(_ value: Double) -> String {
        let scaled = (value * 100_000).rounded() / 100_000
        if scaled == scaled.rounded() { return String(Int(scaled)) }
        var text = String(format: "%.5f", scaled)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
