/// The outcome of one answer.
public struct AnswerResult: Sendable, Hashable {
    public var item: Item
    /// Whether the answer was right; `nil` for a self-rated flashcard.
    public var correct: Bool?
    /// The rating fed to the scheduler.
    public var rating: Rating
    /// The card after the review, when the answer was recorded.
    public var card: Card?
    /// Whether the answer went into the learner's progress.
    public var recorded: Bool

    public init(item: Item, correct: Bool?, rating: Rating, card: Card?, recorded: Bool) {
        self.item = item
        self.correct = correct
        self.rating = rating
        self.card = card
        self.recorded = recorded
    }
}
