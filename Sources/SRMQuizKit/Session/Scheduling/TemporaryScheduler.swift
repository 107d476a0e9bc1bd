// TEMPORARY — branch `progress` only. The lead deletes this file at merge: the real
// `SchedulerSettings.makeScheduler()` (FSRS-6 and SM-2) comes from the `sched` branch.
// This stand-in exists so `progress rebuild` compiles and can be tested for what does not
// depend on the algorithm.

import Foundation

extension SchedulerSettings {
    /// The scheduler these settings describe. (Temporary stand-in; see the file header.)
    public func makeScheduler() throws -> any Scheduler {
        TemporaryScheduler(kind: kind)
    }
}

/// A trivial scheduler: Again → relearning/learning due in a minute, otherwise review due in
/// 1/3/7 days (hard/good/easy) plus up to a minute of fuzz drawn from the generator.
struct TemporaryScheduler: Scheduler {
    var kind: SchedulerKind

    func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator) -> Card {
        var next = card
        next.reps += 1
        next.lastReview = now
        let fuzz = rng.nextUnit() * 60
        switch rating {
        case .again:
            if card.phase == .review { next.lapses += 1 }
            next.phase = card.phase == .review || card.phase == .relearning ? .relearning : .learning
            next.due = now.addingTimeInterval(60 + fuzz)
        case .hard, .good, .easy:
            let days: Double = rating == .hard ? 1 : rating == .good ? 3 : 7
            next.phase = .review
            next.due = now.addingTimeInterval(days * 86_400 + fuzz)
        }
        return next
    }

    func retrievability(of card: Card, at now: Date) -> Double {
        card.phase == .new ? 1 : (now < card.due ? 0.95 : 0.8)
    }
}
