import Foundation
import SRMQuizKit

/// A scheduler for tests with a predictable order.
///
/// Again → learning, due in 60 s; otherwise review, due in `rating` days. Retrievability falls with days overdue, so order is predictable.
package struct StubScheduler: Scheduler {
    package init() {}

    package var kind: SchedulerKind { .fsrs }

    package func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator) -> Card {
        var next = card
        next.reps += 1
        next.lastReview = now
        if rating == .again {
            if card.phase == .review { next.lapses += 1 }
            next.phase = card.phase == .review ? .relearning : .learning
            next.due = now.addingTimeInterval(60)
        } else {
            next.phase = .review
            next.due = now.addingTimeInterval(Double(rating.rawValue) * 86_400)
        }
        return next
    }

    package func retrievability(of card: Card, at now: Date) -> Double {
        guard card.phase != .new else { return 1 }
        return max(0, 1 - now.timeIntervalSince(card.due) / (100 * 86_400))
    }
}
