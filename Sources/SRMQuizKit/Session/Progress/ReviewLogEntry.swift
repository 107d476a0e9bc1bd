import Foundation

/// One answer, as the review log keeps it.
///
/// The log is the source of truth: every card can be recomputed from it.
public struct ReviewLogEntry: Sendable, Hashable, Codable {
    /// The item answered.
    public var itemID: String
    /// When the answer was given.
    public var time: Date
    /// The rating fed to the scheduler.
    public var rating: Rating
    /// What the learner typed (normalised), if anything.
    public var answer: String?
    /// Whether the answer was right (`nil` for a self-rated flashcard).
    public var correct: Bool?
    /// How long the learner took, in milliseconds.
    public var durationMs: Int?
    /// Where the answer was given: `study`, `quiz`, `exam`, `class`.
    public var mode: String?

    /// An entry for an answer to `itemID` at `time`, rated `rating`.
    public init(
        itemID: String, time: Date, rating: Rating, answer: String? = nil, correct: Bool? = nil,
        durationMs: Int? = nil, mode: String? = nil
    ) {
        self.itemID = itemID
        self.time = time
        self.rating = rating
        self.answer = answer
        self.correct = correct
        self.durationMs = durationMs
        self.mode = mode
    }
}
