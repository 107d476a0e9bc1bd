/// The outcome of one answer.
package struct AnswerResult: Sendable, Hashable {
    package var item: Item
    /// Whether the answer was right; `nil` for a self-rated flashcard.
    package var correct: Bool?
    /// The rating fed to the scheduler.
    package var rating: Rating
    /// The card after the review, when the answer was recorded.
    package var card: Card?
    /// Whether the answer went into the learner's progress.
    package var recorded: Bool

    package init(item: Item, correct: Bool?, rating: Rating, card: Card?, recorded: Bool) {
        self.item = item
        self.correct = correct
        self.rating = rating
        self.card = card
        self.recorded = recorded
    }
}
