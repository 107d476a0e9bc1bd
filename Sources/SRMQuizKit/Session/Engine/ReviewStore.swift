import Foundation

/// What the session engine needs from a learner's progress: the cards, the log, and a way to
/// record an answer durably (on disk before `record` returns) and to take the last one back.
package protocol ReviewStore: AnyObject {
    /// The scheduler and its settings.
    var settings: SchedulerSettings { get }
    /// Each item's card, by item id.
    var cards: [String: Card] { get }
    /// Every answer ever recorded, oldest first.
    var log: [ReviewLogEntry] { get }
    /// Records `entry` and the item's new `card`. Throws if it cannot be made durable; then
    /// nothing was recorded.
    func record(_ entry: ReviewLogEntry, card: Card) throws
    /// Takes back the last answer and restores the card it changed; returns the entry removed.
    @discardableResult func undoLast() throws -> ReviewLogEntry?
    /// The answers given at or after `date`, oldest first (`log.filter { $0.time >= date }`).
    /// Stores with a long history implement it without reading the whole log.
    func reviews(since date: Date) -> [ReviewLogEntry]
}

extension ReviewStore {
    package func reviews(since date: Date) -> [ReviewLogEntry] {
        log.filter { $0.time >= date }
    }
}
