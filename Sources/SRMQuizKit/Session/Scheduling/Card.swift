import Foundation

/// The scheduling state of one item for one learner.
///
/// FSRS uses `stability` and `difficulty`; SM-2 uses `ease` and `interval`. Both use the rest.
public struct Card: Sendable, Hashable, Codable {
    /// Where the card is in its life: new, learning, review or relearning.
    public var phase: CardPhase
    /// The index into the learning or relearning steps, while in those phases; otherwise `nil`.
    public var step: Int?
    /// FSRS stability, in days.
    public var stability: Double?
    /// FSRS difficulty, 1 to 10.
    public var difficulty: Double?
    /// SM-2 ease factor (2.5 to start).
    public var ease: Double?
    /// SM-2 current interval, in days.
    public var interval: Double?
    /// When the card is next due.
    public var due: Date
    /// When the card was last reviewed.
    public var lastReview: Date?
    /// Reviews so far.
    public var reps: Int
    /// Times the card was forgotten after graduating.
    public var lapses: Int

    /// A card with the given state; the defaults describe a card never reviewed.
    public init(
        phase: CardPhase = .new, step: Int? = nil, stability: Double? = nil,
        difficulty: Double? = nil, ease: Double? = nil, interval: Double? = nil, due: Date,
        lastReview: Date? = nil, reps: Int = 0, lapses: Int = 0
    ) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.ease = ease
        self.interval = interval
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// A card never reviewed, due at once.
    public static func new(at date: Date) -> Card {
        Card(due: date)
    }
}
