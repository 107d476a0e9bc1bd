/// The kinds of question the tool asks.
public enum ItemKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// "Who is responsible for X when using Y?" → AWS / Customer / Shared.
    case owner
    /// "Is X part of security OF the cloud or IN the cloud?"
    case ofOrIn = "of-or-in"
    /// One correct option and three distractors from the model.
    case multipleChoice = "multiple-choice"
    /// "Which TWO are the customer's responsibility when using Y?"
    case multipleResponse = "multiple-response"
    /// A statement to judge true or false.
    case trueFalse = "true-false"
    /// "For which of these services does AWS patch the operating system?"
    case contrast
    /// "Which category is DynamoDB in?"
    case category
    /// "Patch management is which kind of control?"
    case controlType = "control-type"
    /// Front and back, rated by the learner.
    case flashcard
    /// A hand-written exam-style question from a bank.
    case scenario
    /// "The customer must find unpatched instances. Which AWS service helps?"
    case serviceHelp = "service-help"

    /// Whether the learner picks from choices (everything but flashcards).
    public var hasChoices: Bool { self != .flashcard }
}
