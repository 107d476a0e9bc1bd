/// One question of a class session and every answer to it.
package struct ClassQuestionRecord: Sendable, Hashable, Codable {
    package var number: Int
    package var id: String
    package var kind: ItemKind
    package var prompt: String
    package var choices: [String]
    package var correctLetters: [String]
    package var explanation: String
    package var tags: [String]
    package var facts: [String]
    /// The answers: every player's when playing together, one player's when taking turns.
    package var responses: [ClassResponse]

    package init(
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
