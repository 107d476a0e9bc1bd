/// One question of a finished exam, as the results file keeps it.
package struct ExamQuestionRecord: Sendable, Hashable, Codable {
    /// The question's number in the exam, from 1.
    package var number: Int
    /// The item id (stable across bank edits).
    package var id: String
    package var kind: ItemKind
    package var prompt: String
    package var choices: [String]
    /// The letters of the correct choices.
    package var correctLetters: [String]
    /// The letters given, or `nil` when the question was left unanswered.
    package var answer: [String]?
    /// Whether the answer was right (an unanswered question is wrong).
    package var correct: Bool
    /// The time spent on the question, in milliseconds, summed over every visit.
    package var timeMs: Int
    /// Whether the question was flagged at the end.
    package var flagged: Bool
    package var explanation: String
    /// The item's tags (`owner:`, `category:`, `service:`, `kind:`, …), for breakdowns.
    package var tags: [String]
    /// The facts the item tests.
    package var facts: [String]

    package init(
        number: Int, id: String, kind: ItemKind, prompt: String, choices: [String], correctLetters: [String],
        answer: [String]?, correct: Bool, timeMs: Int, flagged: Bool, explanation: String, tags: [String],
        facts: [String]
    ) {
        self.number = number
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.choices = choices
        self.correctLetters = correctLetters
        self.answer = answer
        self.correct = correct
        self.timeMs = timeMs
        self.flagged = flagged
        self.explanation = explanation
        self.tags = tags
        self.facts = facts
    }
}
