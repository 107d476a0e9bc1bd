import Foundation

/// The questions of one study day, as built by ``StudyQueueBuilder``.
package struct StudyQueue: Sendable, Hashable {
    /// What to ask now, in order: learning cards due, then due reviews (lowest retrievability
    /// first) with new items spread among them.
    package var entries: [QueueEntry]
    /// Learning cards due later today, earliest first; they join when due.
    package var learningLater: [QueueEntry]
    /// Reviews due now that are in `entries`.
    package var dueCount: Int
    /// New items in `entries`.
    package var newCount: Int
    /// New items already introduced today (from the log).
    package var introducedToday: Int
    /// Items held back because a sibling (an item sharing a fact) was reviewed or queued today.
    package var deferredSiblings: Int

    package init(
        entries: [QueueEntry] = [], learningLater: [QueueEntry] = [], dueCount: Int = 0,
        newCount: Int = 0, introducedToday: Int = 0, deferredSiblings: Int = 0
    ) {
        self.entries = entries
        self.learningLater = learningLater
        self.dueCount = dueCount
        self.newCount = newCount
        self.introducedToday = introducedToday
        self.deferredSiblings = deferredSiblings
    }
}
