/// One question of a finished exam, as the results file keeps it.
public struct ExamQuestionRecord: Sendable, Hashable, Codable {
    /// The question's number in the exam, from 1.
    public var number: Int
    /// The item id (stable across bank edits).
    public var id: String
    public var kind: ItemKind
    public var prompt: String
    public var choices: [String]
    /// The letters of the correct choices.
    public var correctLetters: [String]
    /// The letters given, or `nil` when the question was left unanswered.
    public var answer: [String]?
    /// Whether the answer was right (an unanswered question is wrong).
    public var correct: Bool
    /// The time spent on the question, in milliseconds, summed over every visit.
    public var timeMs: Int
    /// Whether the question was flagged at the end.
    public var flagged: Bool
    public var explanation: String
    /// The item's tags (`owner:`, `category:`, `service:`, `kind:`, …), for breakdowns.
    public var tags: [String]
    /// The facts the item tests.
    public var facts: [String]

    public init(
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
