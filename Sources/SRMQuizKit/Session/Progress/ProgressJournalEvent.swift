import Foundation

/// One line of a format 2 journal (`<file>.journal`), read only to migrate it: a change made since
/// the format 2 file was last written.
///
/// Events are numbered; the file's `sequence` says which ones it already holds.
struct ProgressJournalEvent: Codable, Sendable, Equatable {
    enum Kind: String, Codable, Sendable {
        /// An answer: `entry`, the item's new `card`, the `previous` card (absent if none) and
        /// the phase before.
        case record
        /// The last answer taken back: `entry` is the answer removed, `card` the card restored
        /// (absent: the item had no card).
        case undo
        /// New scheduler `settings`.
        case settings
    }

    /// The event's number: one more than the one before it (or than the file's `sequence`).
    var seq: Int
    var event: Kind
    /// When the change was made.
    var at: Date
    var entry: ReviewLogEntry?
    var card: Card?
    var previous: Card?
    var phaseBefore: CardPhase?
    var settings: SchedulerSettings?
}
