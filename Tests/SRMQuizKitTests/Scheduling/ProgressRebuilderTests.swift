import Foundation
import SRMQuizKit
import Testing

/// A scheduler that only records what it was given, so the tests see the order of reviews and
/// the generator's draws whatever the real algorithm is.
private struct RecordingScheduler: Scheduler {
    var kind: SchedulerKind { .fsrs }

    func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator) -> Card {
        var next = card
        next.reps += 1
        next.phase = rating == .again ? .relearning : .review
        // Order-sensitive: a different order or generator gives different numbers.
        next.stability = (card.stability ?? 0) * 10 + Double(rating.rawValue)
        next.difficulty = rng.nextUnit()
        next.lastReview = now
        next.due = now.addingTimeInterval(86_400)
        return next
    }

    func retrievability(of card: Card, at now: Date) -> Double { 1 }
}

@Suite struct ProgressRebuilderTests {
    static let log: [ReviewLogEntry] = (0..<40).map { ProgressFixtures.entry($0, item: "item-\($0 % 3)") }

    @Test func seedsAreStableFNV1a() {
        #expect(ProgressRebuilder.seed(for: "") == 0xCBF2_9CE4_8422_2325)
        #expect(ProgressRebuilder.seed(for: "a") == 0xAF63_DC4C_8601_EC8C)
        #expect(ProgressRebuilder.seed(for: "item-1") != ProgressRebuilder.seed(for: "item-2"))
    }

    @Test func appliesEachItemsReviewsInLogOrder() throws {
        let result = ProgressRebuilder.rebuild(log: Self.log, existing: [:], scheduler: RecordingScheduler())
        let card = try #require(result.cards["item-1"])
        let ratings = Self.log.filter { $0.itemID == "item-1" }.map(\.rating.rawValue)
        #expect(card.stability == ratings.reduce(0.0) { $0 * 10 + Double($1) })
        #expect(card.reps == ratings.count)
        // The generator is seeded from the item id and carried across its reviews.
        var rng = SeededGenerator(seed: ProgressRebuilder.seed(for: "item-1"))
        for _ in 0..<(ratings.count - 1) { _ = rng.nextUnit() }
        #expect(card.difficulty == rng.nextUnit())
        #expect(result.phasesBefore.prefix(3) == [.new, .new, .new])
        #expect(result.phasesBefore.count == Self.log.count)
    }

    @Test func cardsEqualAFoldOfTheLogWithTheConfiguredScheduler() throws {
        for kind in SchedulerKind.allCases {
            let scheduler = try SchedulerSettings(kind: kind).makeScheduler()
            let result = ProgressRebuilder.rebuild(log: Self.log, existing: [:], scheduler: scheduler)
            var expected: [String: Card] = [:]
            var generators: [String: SeededGenerator] = [:]
            for entry in Self.log {
                var rng =
                    generators[entry.itemID]
                    ?? SeededGenerator(seed: ProgressRebuilder.seed(for: entry.itemID))
                let card = expected[entry.itemID] ?? Card.new(at: entry.time)
                expected[entry.itemID] = scheduler.review(
                    card, rating: entry.rating, at: entry.time, rng: &rng)
                generators[entry.itemID] = rng
            }
            #expect(result.cards == expected)
            let again = ProgressRebuilder.rebuild(log: Self.log, existing: [:], scheduler: scheduler)
            #expect(again == result, "rebuilds are reproducible")
        }
    }

    @Test func keepsCardsWithoutReviews() {
        let untouched = Card.new(at: ProgressFixtures.start)
        let result = ProgressRebuilder.rebuild(
            log: Self.log, existing: ["fresh": untouched, "item-0": ProgressFixtures.card(9)],
            scheduler: RecordingScheduler())
        #expect(result.cards["fresh"] == untouched)
        #expect(result.cards["item-0"] != ProgressFixtures.card(9))
    }
}
