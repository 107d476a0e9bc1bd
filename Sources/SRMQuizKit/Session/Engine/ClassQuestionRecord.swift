/// One question of a class session and every answer to it.
public struct ClassQuestionRecord: Sendable, Hashable, Codable {
    public var number: Int
    public var id: String
    public var kind: ItemKind
    public var prompt: String
    public var choices: [String]
    public var correctLetters: [String]
    public var explanation: String
    public var tags: [String]
    public var facts: [String]
    /// The answers: every player's when playing together, one player's when taking turns.
    public var responses: [ClassResponse]

    public init(
        number: Int, item: Item, responses: [ClassResponse]
    ) {
        self.number = number
        self.id = item.id
        self.kind = item.kind
        self.prompt = item.prompt
        self.choices = item.choices
        self.correctLetters = item.answerLetters.sorted()
        self.explanation = item.explanation
        self.tags = ScoreBreakdown.tags(of: item)
        self.facts = item.facts
        self.responses = responses
    }
}
