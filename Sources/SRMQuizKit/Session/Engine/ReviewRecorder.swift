import Foundation

/// Feeds answers from an exam or a class session into a learner's schedule: Good for a right
/// answer, Again for a wrong one, through the ``ReviewStore`` and a ``Scheduler``.
package struct ReviewRecorder {
    package let store: any ReviewStore
    package let scheduler: any Scheduler

    package init(store: any ReviewStore, scheduler: any Scheduler) {
        self.store = store
        self.scheduler = scheduler
    }

    /// A recorder using the scheduler the store's settings choose (`settings.makeScheduler()`).
    package init(store: any ReviewStore) throws {
        self.init(store: store, scheduler: try store.settings.makeScheduler())
    }

    /// Records every answered question of `result` (unanswered ones are not reviews) at
    /// `result.finishedAt`, with mode `exam`.
    ///
    /// Returns how many were recorded.
    @discardableResult package func record(_ result: ExamResult) throws -> Int {
        var rng = SeededGenerator(
            seed: result.seed ^ UInt64(bitPattern: Int64(result.finishedAt.timeIntervalSince1970)))
        var count = 0
        for q in result.questions {
            guard let answer = q.answer else { continue }
            let rating: Rating = q.correct ? .good : .again
            let card = store.cards[q.id] ?? Card.new(at: result.finishedAt)
            let next = scheduler.review(card, rating: rating, at: result.finishedAt, rng: &rng)
            let entry = ReviewLogEntry(
                itemID: q.id, time: result.finishedAt, rating: rating, answer: answer.joined(separator: ","),
                correct: q.correct, durationMs: q.timeMs, mode: "exam")
            try store.record(entry, card: next)
            count += 1
        }
        return count
    }
}
