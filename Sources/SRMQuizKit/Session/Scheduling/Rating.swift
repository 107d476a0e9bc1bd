/// A learner's rating of one review, as in FSRS and Anki.
public enum Rating: Int, Sendable, Hashable, Codable, CaseIterable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    /// The name shown to learners.
    public var displayName: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }
}
