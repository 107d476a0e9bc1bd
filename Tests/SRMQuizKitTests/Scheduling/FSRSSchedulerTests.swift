import Foundation
import Testing

@testable import SRMQuizKit

@Suite struct FSRSSchedulerTests {
    static let t0 = Date(timeIntervalSince1970: 1_767_603_600)  // 2026-01-05T09:00:00Z

    @Test func freshCardGoodMatchesPyFSRS() throws {
        // py-fsrs: Scheduler(enable_fuzzing=False).review_card(Card(), Rating.Good) gives
        // Learning step 1, S = w2 = 2.3065, D = w4 − e^(w5·2) + 1 = 2.118103970459016, due +10 min.
        let s = try FSRSScheduler(fuzz: false)
        var rng = SeededGenerator(seed: 1)
        let card = s.review(.new(at: Self.t0), rating: .good, at: Self.t0, rng: &rng)
        #expect(card.phase == .learning && card.step == 1)
        #expect(card.stability == 2.3065)
        #expect(abs(card.difficulty! - 2.118103970459016) < 1e-12)
        #expect(card.due == Self.t0.addingTimeInterval(600))
        #expect(card.reps == 1 && card.lastReview == Self.t0)
    }

    @Test func parameterOutOfBoundsNamesIndexAndRange() {
        var weights = FSRSParameters.defaults
        weights[7] = 0.9
        #expect(
            throws: SchedulerSettingsError.parameterOutOfRange(
                index: 7, value: 0.9, lower: 0.001, upper: 0.75)
        ) {
            try FSRSScheduler(parameters: weights)
        }
        let error = SchedulerSettingsError.parameterOutOfRange(
            index: 7, value: 0.9, lower: 0.001, upper: 0.75)
        #expect(error.description.contains("parameters[7]"))
        #expect(error.description.contains("0.001 to 0.75"))
        #expect(throws: SchedulerSettingsError.wrongParameterCount(19)) {
            try FSRSScheduler(parameters: Array(weights.prefix(19)))
        }
        weights[7] = .nan
        #expect(throws: SchedulerSettingsError.self) { try FSRSScheduler(parameters: weights) }
    }

    @Test(arguments: [0.69, 0.995, 1.0, -1, Double.nan])
    func retentionOutsideRangeIsRejected(retention: Double) {
        #expect(throws: SchedulerSettingsError.self) { try FSRSScheduler(desiredRetention: retention) }
    }

    @Test(arguments: [0.70, 0.85, 0.99])
    func retentionInsideRangeIsAccepted(retention: Double) throws {
        _ = try FSRSScheduler(desiredRetention: retention)
    }

    @Test func settingsMakeTheChosenScheduler() throws {
        #expect(try SchedulerSettings().makeScheduler().kind == .fsrs)
        #expect(try SchedulerSettings(kind: .sm2).makeScheduler().kind == .sm2)
        #expect(throws: SchedulerSettingsError.retentionOutOfRange(0.5)) {
            try SchedulerSettings(desiredRetention: 0.5).makeScheduler()
        }
        #expect(throws: SchedulerSettingsError.invalidStep(field: "learningSteps", index: 1, value: -5)) {
            try SchedulerSettings(kind: .sm2, learningSteps: [60, -5]).makeScheduler()
        }
        #expect(throws: SchedulerSettingsError.invalidMaximumInterval(0)) {
            try SchedulerSettings(maximumInterval: 0).makeScheduler()
        }
    }

    /// A card graduated with Easy and reviewed on time many times, fuzz on: each interval lies
    /// in py-fsrs's fuzz range around the unfuzzed one, and a seed reproduces the run.
    @Test func fuzzStaysInRangeAndIsReproducible() throws {
        let fuzzed = try FSRSScheduler(fuzz: true)
        let plain = try FSRSScheduler(fuzz: false)
        func run(seed: UInt64) -> [Card] {
            var rng = SeededGenerator(seed: seed)
            var card = Card.new(at: Self.t0)
            var cards: [Card] = []
            for _ in 0..<12 {
                card = fuzzed.review(card, rating: .good, at: card.due, rng: &rng)
                cards.append(card)
            }
            return cards
        }
        let cards = run(seed: 42)
        #expect(cards == run(seed: 42))
        var differs = false
        var rng = SeededGenerator(seed: 0)
        for (before, after) in zip(cards, cards.dropFirst()) where after.phase == .review {
            let unfuzzed = plain.review(before, rating: .good, at: before.due, rng: &rng)
            let days = Int(((after.due.timeIntervalSince(before.due)) / 86_400).rounded())
            let target = Int(((unfuzzed.due.timeIntervalSince(before.due)) / 86_400).rounded())
            #expect(after.stability == unfuzzed.stability)
            if target >= 3 {
                let (lower, upper) = FuzzRanges.bounds(days: target, maximum: 36500)
                #expect((lower...(upper + 1)).contains(days), "\(days) not near \(target)")
            }
            if days != target { differs = true }
        }
        #expect(differs)
    }

    @Test func retrievabilityIsOneForNewAndDecays() throws {
        let s = try FSRSScheduler(fuzz: false)
        var rng = SeededGenerator(seed: 1)
        #expect(s.retrievability(of: .new(at: Self.t0), at: Self.t0) == 1)
        let card = s.review(.new(at: Self.t0), rating: .easy, at: Self.t0, rng: &rng)
        // Reviewed when due (interval = S at 90% retention, rounded), recall is about 0.9.
        let r = s.retrievability(of: card, at: card.due)
        #expect(abs(r - 0.9) < 0.01)
        #expect(s.retrievability(of: card, at: card.due.addingTimeInterval(30 * 86_400)) < r)
    }
}
