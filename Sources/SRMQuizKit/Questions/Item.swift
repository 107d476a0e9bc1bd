/// One question, ready to ask: generated from the model or hand-written.
public struct Item: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, derived from the model's keys (never from wording or file order).
    public var id: String
    /// What kind of question this is, which decides how it is asked and graded.
    public var kind: ItemKind
    /// The question, or a flashcard's front.
    public var prompt: String
    /// The options in the order shown; empty for flashcards.
    public var choices: [String]
    /// The correct choices (each one of `choices`), or a flashcard's back.
    public var answers: [String]
    /// Why the answer is right.
    public var explanation: String
    /// The documented nuance, where the exam answer simplifies.
    public var nuance: String?
    /// The tags, `name:value`: `service:ec2`, `category:infrastructure`, `owner:customer`,
    /// `topic:patching`, `kind:owner` and so on.
    public var tags: [String]
    /// Documentation URLs.
    public var sources: [String]
    /// The facts this item tests.
    ///
    /// Items that share a fact are siblings.
    public var facts: [String]

    /// An item with the given fields (hand-written items and tests; banks give generated ones).
    public init(
        id: String, kind: ItemKind, prompt: String, choices: [String], answers: [String],
        explanation: String, nuance: String? = nil, tags: [String], sources: [String],
        facts: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.choices = choices
        self.answers = answers
        self.explanation = explanation
        self.nuance = nuance
        self.tags = tags
        self.sources = sources
        self.facts = facts
    }

    /// The values of the tags with `name`, e.g., `values(of: "service")` → `["ec2"]`.
    public func values(of name: String) -> [String] {
        let prefix = name + ":"
        return tags.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil }
    }

    /// Whether the learner must pick more than one choice.
    public var isMultipleResponse: Bool { kind != .flashcard && answers.count > 1 }

    /// The letters of the correct choices, `a` for the first.
    public var answerLetters: [String] {
        answers.compactMap { answer in
            choices.firstIndex(of: answer).map { String(UnicodeScalar(UInt8(97 + $0))) }
        }
    }
}
