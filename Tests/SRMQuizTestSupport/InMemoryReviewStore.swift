import Foundation
import SRMQuizKit

/// A ``ReviewStore`` in memory, for tests: records like the real one and can be told to fail.
package final class InMemoryReviewStore: ReviewStore {
    /// The error a failing ``record(_:card:)`` throws.
    package struct Failure: Error, CustomStringConvertible {
        package var description = "disk full"
    }

    package var settings: SchedulerSettings
    package private(set) var cards: [String: Card]
    package private(set) var log: [ReviewLogEntry]
    private var previous: [Card?] = []
    /// When set, `record` throws and records nothing.
    package var failNextRecord = false

    /// A store holding `cards` and `log`, under `settings`.
    package init(
        settings: SchedulerSettings = SchedulerSettings(), cards: [String: Card] = [:],
        log: [ReviewLogEntry] = []
    ) {
        self.settings = settings
        self.cards = cards
        self.log = log
    }

    package func record(_ entry: ReviewLogEntry, card: Card) throws {
        if failNextRecord {
            failNextRecord = false
            throw Failure()
        }
        previous.append(cards[entry.itemID])
        cards[entry.itemID] = card
        log.append(entry)
    }

    package func undoLast() throws -> ReviewLogEntry? {
        guard let last = log.popLast() else { return nil }
        cards[last.itemID] = previous.popLast() ?? nil
        return last
    }
}
