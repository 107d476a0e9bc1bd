/// "Which AWS service helps with this responsibility?" items, one per ``ServiceHelp`` need.
///
/// The seed picks which of the need's answers is the key (the other answers are left out of the
/// choices); the three wrong answers come from the need's ``ToolFamily``, never from its answers
/// or from the services listed as also helping. The id is `help/<need id>`, so it survives edits
/// to the wording and to the family.
extension QuestionGenerator {
    /// The question every service-help item ends with.
    static let serviceHelpQuestion = "Which AWS service helps the customer with this?"

    func serviceHelpItems(seed: UInt64) -> [Item] {
        let families = Dictionary(
            bank.toolFamilies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var items: [Item] = []
        for help in bank.serviceHelp {
            guard let family = families[help.family] else { continue }
            let id = "help/\(help.id)"
            var rng = StableHash.generator(seed: seed, id: id)
            let answers = help.answers.compactMap { bank.service($0) }
            guard let key = SeededShuffle.pick(from: answers, using: &rng) else { continue }
            let excluded = Set(help.answers + help.alsoHelps)
            let candidates = family.services.filter { !excluded.contains($0) }.compactMap { bank.service($0) }
            let distractors = Array(SeededShuffle.shuffled(candidates, using: &rng).prefix(3))
            guard distractors.count == 3 else { continue }
            let choices = SeededShuffle.shuffled(([key] + distractors).map(\.name), using: &rng)
            var explanation = help.reason
            if !explanation.hasSuffix(".") { explanation += "." }
            let others = answers.filter { $0.id != key.id }
            if !others.isEmpty {
                explanation +=
                    " \(others.map(\.name).joined(separator: " and ")) also \(others.count == 1 ? "helps" : "help") with this."
            }
            explanation += " The responsibility stays the customer's; the service is a tool for it."
            var tags = [
                "kind:\(ItemKind.serviceHelp.rawValue)", "service:\(key.id)",
                "category:\(key.category.rawValue)",
            ]
            tags += ["owner:\(Owner.customer.rawValue)", "topic:service-help", "family:\(family.id)"]
            items.append(
                Item(
                    id: id, kind: .serviceHelp,
                    prompt: "\(help.need) \(Self.serviceHelpQuestion)",
                    choices: choices, answers: [key.name], explanation: explanation,
                    tags: tags, sources: bank.urls(for: help.sources), facts: help.facts))
        }
        return items
    }
}
