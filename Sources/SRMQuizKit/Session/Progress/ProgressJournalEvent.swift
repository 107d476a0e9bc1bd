import Foundation

/// One line of a progress journal (`<file>.journal`): a change made since the progress file was
/// last written. Events are numbered; the file's `sequence` says which ones it already holds.
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

extension ProgressDocument {
    /// Why `event` cannot be applied, or `nil` if it can.
    func problem(applying event: ProgressJournalEvent) -> String? {
        switch event.event {
        case .record:
            if event.entry == nil || event.card == nil { return "a record event needs entry and card" }
        case .undo:
            guard let entry = event.entry else { return "an undo event needs entry" }
            guard let last = reviews.last, last == entry else {
                return "undoes an answer to \(entry.itemID) that is not the last one recorded"
            }
            if undo.isEmpty { return "undoes an answer whose previous card is not kept" }
        case .settings:
            if event.settings == nil { return "a settings event needs settings" }
        }
        return nil
    }

    /// Applies `event` (whose number follows ``sequence``), or explains why it cannot.
    mutating func apply(_ event: ProgressJournalEvent) -> String? {
        if let problem = problem(applying: event) { return problem }
        switch event.event {
        case .record:
            guard let entry = event.entry, let card = event.card else {
                return "a record event needs entry and card"
            }
            reviews.append(entry)
            phasesBefore.append(event.phaseBefore)
            undo.append(event.previous)
            if undo.count > Self.undoDepth { undo.removeFirst(undo.count - Self.undoDepth) }
            cards[entry.itemID] = card
        case .undo:
            guard let entry = event.entry else { return "an undo event needs entry" }
            reviews.removeLast()
            phasesBefore.removeLast()
            undo.removeLast()
            cards[entry.itemID] = event.card
        case .settings:
            guard let settings = event.settings else { return "a settings event needs settings" }
            self.settings = settings
        }
        sequence = event.seq
        updated = max(updated, event.at)
        return nil
    }
}
