import Foundation

/// One line of a review log (`<learner>.reviews.jsonl`, format 3): an answer with the card before
/// and after it, an undo, or new scheduler settings.
///
/// The log is append-only and the source of truth. See `docs/progress-format.md`.
package struct ProgressLogLine: Codable, Sendable, Hashable {
    /// What a line records.
    package enum Event: String, Codable, Sendable {
        /// An answer: `review`, `phaseBefore`, the card it replaced (`before`, absent if the item
        /// had none) and the new card (`after`; absent only in lines migrated from format 1 or 2
        /// whose cards were not kept, which cannot be undone).
        case review
        /// The last answer not yet undone is taken back (`review` repeats it); its `before` card
        /// is restored.
        case undo
        /// New scheduler `settings`.
        case settings
    }

    package var event: Event
    package var review: ReviewLogEntry?
    package var phaseBefore: CardPhase?
    package var before: Card?
    package var after: Card?
    package var settings: SchedulerSettings?
    /// When an undo or a settings change was made.
    package var at: Date?

    package init(
        event: Event, review: ReviewLogEntry? = nil, phaseBefore: CardPhase? = nil, before: Card? = nil,
        after: Card? = nil, settings: SchedulerSettings? = nil, at: Date? = nil
    ) {
        self.event = event
        self.review = review
        self.phaseBefore = phaseBefore
        self.before = before
        self.after = after
        self.settings = settings
        self.at = at
    }

    /// Why the line is not well formed for its event, or `nil`.
    var problem: String? {
        switch event {
        case .review: review == nil ? "a review line needs `review`" : nil
        case .undo: review == nil ? "an undo line needs `review`" : nil
        case .settings: settings == nil ? "a settings line needs `settings`" : nil
        }
    }
}

/// An answer of the log, with the line it is on and its cards (as undo needs them).
struct LoggedReview: Sendable, Hashable {
    /// The 1-based line number in the log.
    var line: Int
    var entry: ReviewLogEntry
    var phaseBefore: CardPhase?
    var before: Card?
    var after: Card?
}

/// A line as a whole-log read keeps it: where it is and what it says (its cards only when they
/// were asked for, see ``ProgressLog/read(_:checked:cardsFrom:entries:)``).
struct LogRecord: Sendable {
    /// The 1-based line number and the byte offset where the line starts.
    var number: Int
    var offset: Int
    var line: ProgressLogLine
}

/// Replays log lines in order: the answers still in effect (undone ones removed) and the
/// settings.
struct ReviewHistory: Sendable {
    var reviews: [ReviewLogEntry] = []
    /// The phase of each answer's card before it (same indices as `reviews`).
    var phasesBefore: [CardPhase?] = []
    var settings: SchedulerSettings?

    /// Applies `line`; returns why it cannot be applied, or `nil`.
    mutating func apply(_ line: ProgressLogLine) -> String? {
        if let problem = line.problem { return problem }
        switch line.event {
        case .review:
            reviews.append(line.review!)
            phasesBefore.append(line.phaseBefore)
        case .undo:
            guard reviews.last == line.review else {
                return "undoes an answer to \(line.review!.itemID) that is not the last one in effect"
            }
            reviews.removeLast()
            phasesBefore.removeLast()
        case .settings:
            settings = line.settings
        }
        return nil
    }
}
