// TEMPORARY: stands in for the scheduling branch's `SchedulerSettings.makeScheduler()` so the
// session engine builds before FSRS-6/SM-2 land on main. Delete this file at merge.
import Foundation

extension SchedulerSettings {
    /// TEMPORARY: a trivial scheduler (see the file comment).
    public func makeScheduler() throws -> any Scheduler {
        TemporaryScheduler(kind: kind, learningSteps: learningSteps)
    }
}

/// TEMPORARY: Again → first learning step; otherwise the interval doubles (1 day to start).
struct TemporaryScheduler: Scheduler {
    var kind: SchedulerKind
    var learningSteps: [Double]

    func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator) -> Card {
        var next = card
        next.reps += 1
        next.lastReview = now
        if rating == .again {
            if card.phase == .review { next.lapses += 1 }
            next.phase = card.phase == .review ? .relearning : .learning
            next.step = 0
            next.due = now.addingTimeInterval(learningSteps.first ?? 60)
            return next
        }
        let days = max(1, (card.interval ?? 0.5) * (rating == .hard ? 1.2 : rating == .easy ? 3 : 2))
        next.phase = .review
        next.step = nil
        next.interval = days
        next.stability = days
        next.due = now.addingTimeInterval(days * 86_400)
        return next
    }

    func retrievability(of card: Card, at now: Date) -> Double {
        guard card.phase != .new, let last = card.lastReview else { return 1 }
        let elapsed = max(0, now.timeIntervalSince(last)) / 86_400
        return pow(1 + elapsed / (9 * max(0.1, card.stability ?? 1)), -1)
    }
}
