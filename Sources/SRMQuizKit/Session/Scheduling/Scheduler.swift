import Foundation

/// A spaced-repetition algorithm: a pure function from a card, a rating and a time to the next
/// card.
///
/// Randomness (interval fuzz) comes from the caller's generator so results are reproducible.
public protocol Scheduler: Sendable {
    /// Which algorithm this is.
    var kind: SchedulerKind { get }
    /// The card after a review with `rating` at `now`.
    func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator) -> Card
    /// The probability of recalling the card at `now` (1 for a new card), used to order reviews.
    func retrievability(of card: Card, at now: Date) -> Double
}
