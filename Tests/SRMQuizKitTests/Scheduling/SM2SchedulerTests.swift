import Foundation
import Testing

@testable import SRMQuizKit

/// Hand-worked cases for Anki's SM-2 (default deck options, fuzz off unless stated), with Anki's
/// days: in UTC, starting at 4 a.m.
@Suite struct SM2SchedulerTests {
    static let t0 = Date(timeIntervalSince1970: 1_767_603_600)  // 2026-01-05T09:00:00Z
    static let day: TimeInterval = 86_400
    static let utc = TimeZone(identifier: "UTC")!
    static let days = StudyDay(rolloverHour: 4, timeZone: utc)

    let scheduler: SM2Scheduler
    init() throws {
        scheduler = try SM2Scheduler(fuzz: false, day: Self.days)
    }

    func review(_ card: Card, _ rating: Rating, at date: Date, with s: SM2Scheduler? = nil) -> Card {
        var rng = SeededGenerator(seed: 7)
        return (s ?? scheduler).review(card, rating: rating, at: date, rng: &rng)
    }

    /// `text` (`2026-01-05T09:00:00Z`) as a date.
    static func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// 04:00 UTC, `days` days after t0's day.
    static func dayStart(_ days: Int, from date: Date = t0) -> Date {
        Self.days.start(ofDay: Self.days.day(of: date) + days)
    }

    /// A review card last seen at t0 with `interval` days and `ease`, due at the start of its day.
    func reviewCard(interval: Double = 10, ease: Double = 2.5, lapses: Int = 0) -> Card {
        Card(
            phase: .review, ease: ease, interval: interval, due: Self.dayStart(Int(interval)),
            lastReview: Self.t0, reps: 5, lapses: lapses)
    }

    @Test func newCardWalksTheLearningSteps() {
        // Good on a new card: step 0 (1 min) -> step 1 (10 min), due in 600 s.
        let first = review(.new(at: Self.t0), .good, at: Self.t0)
        #expect(first.phase == .learning)
        #expect(first.step == 1)
        #expect(first.due == Self.t0.addingTimeInterval(600))
        #expect(first.ease == nil)
        // Good on the last step graduates: graduating interval 1 day, starting ease 2.5, due
        // from the start of tomorrow.
        let second = review(first, .good, at: first.due)
        #expect(second.phase == .review)
        #expect(second.step == nil)
        #expect(second.interval == 1)
        #expect(second.ease == 2.5)
        #expect(second.due == Self.at("2026-01-06T04:00:00Z"))
        #expect(second.reps == 2)
    }

    @Test func learningAgainHardEasy() {
        let new = Card.new(at: Self.t0)
        // Again: back to step 0, due in 60 s.
        let again = review(new, .again, at: Self.t0)
        #expect(again.phase == .learning && again.step == 0)
        #expect(again.due == Self.t0.addingTimeInterval(60))
        // Hard at step 0 with two steps: mean of 60 and 600 = 330 s.
        let hard = review(new, .hard, at: Self.t0)
        #expect(hard.phase == .learning && hard.step == 0)
        #expect(hard.due == Self.t0.addingTimeInterval(330))
        // Hard at step 1: repeats that step, 600 s.
        let hard1 = review(Card(phase: .learning, step: 1, due: Self.t0), .hard, at: Self.t0)
        #expect(hard1.step == 1 && hard1.due == Self.t0.addingTimeInterval(600))
        // Easy graduates at once with the easy interval, 4 days.
        let easy = review(new, .easy, at: Self.t0)
        #expect(easy.phase == .review && easy.interval == 4 && easy.ease == 2.5)
        #expect(easy.due == Self.at("2026-01-09T04:00:00Z"))
    }

    @Test func hardWithOneStepIsHalfAgainLonger() throws {
        // One 10-minute step: Hard = 600 × 1.5 = 900 s (less than a day more, not rounded).
        let s = try SM2Scheduler(learningSteps: [600], fuzz: false, day: Self.days)
        let hard = review(.new(at: Self.t0), .hard, at: Self.t0, with: s)
        #expect(hard.due == Self.t0.addingTimeInterval(900))
    }

    @Test func eveningLearnerIsOnTimeNextMorning() {
        // The example: learnt at 20:00, Good at 09:00 the next morning. The card was
        // due from 04:00, so this is on time: (1 + 0) × 2.5 = 2.5 -> 3 days (not 1, as counting
        // 24-hour periods would give).
        let learnt = review(
            review(.new(at: Self.at("2026-01-05T20:00:00Z")), .good, at: Self.at("2026-01-05T20:00:00Z")),
            .good, at: Self.at("2026-01-05T20:10:00Z"))
        #expect(learnt.interval == 1 && learnt.due == Self.at("2026-01-06T04:00:00Z"))
        let next = review(learnt, .good, at: Self.at("2026-01-06T09:00:00Z"))
        #expect(next.interval == 3)
        #expect(next.due == Self.at("2026-01-09T04:00:00Z"))
    }

    @Test func theRolloverSeparatesDays() {
        // Due from 2026-01-15 04:00 (interval 10 from t0's day). At 03:59:59 it is still the
        // 14th: one day early, Anki's early path with 9 days elapsed; at 04:00 it is on time.
        let card = reviewCard()
        let before = review(card, .good, at: Self.at("2026-01-15T03:59:59Z"))
        let after = review(card, .good, at: Self.at("2026-01-15T04:00:00Z"))
        // Early: max(9 × 2.5, 10) = 22.5 -> 23 (no fuzz on the early path).
        #expect(before.interval == 23)
        // On time: (10 + 0) × 2.5 = 25.
        #expect(after.interval == 25)
        #expect(after.due == Self.at("2026-02-09T04:00:00Z"))
    }

    @Test func stepPastTheRolloverIsDueAtTheStartOfTheNextDay() {
        // A 10-minute step at 03:55 reaches past 04:00: Anki makes it due the next day, from
        // 04:00 (five minutes later), not at 04:05.
        let first = review(
            .new(at: Self.at("2026-01-06T03:55:00Z")), .good, at: Self.at("2026-01-06T03:55:00Z"))
        #expect(first.step == 1)
        #expect(first.due == Self.at("2026-01-06T04:00:00Z"))
    }

    @Test func reviewOnTime() {
        // Interval 10, ease 2.5, reviewed on the due day (0 days late).
        let card = reviewCard()
        let now = Self.t0.addingTimeInterval(10 * Self.day)
        // Hard: 10 × 1.2 = 12 (at least 10 + 1); ease 2.5 − 0.15 = 2.35.
        let hard = review(card, .hard, at: now)
        #expect(hard.interval == 12 && hard.ease == 2.35)
        #expect(hard.due == Self.dayStart(12, from: now))
        // Good: (10 + 0/2) × 2.5 = 25 (at least 12 + 1); ease unchanged.
        let good = review(card, .good, at: now)
        #expect(good.interval == 25 && good.ease == 2.5)
        // Easy: (10 + 0) × 2.5 × 1.3 = 32.5, rounded half away from zero = 33; ease 2.65.
        let easy = review(card, .easy, at: now)
        #expect(easy.interval == 33 && easy.ease == 2.65)
    }

    @Test func intervalsUse32BitFloats() {
        // Anki computes in 32-bit floats, where 1.3 is 1.29999995 and 1.4 is 1.39999998:
        // interval 45 × ease 1.3 on time is 58.5 in Double (-> 59) but 58.499996 (-> 58);
        // interval 22, one day late, ease 1.4: (22 + 0.5) × 1.4 is 31.499999999999996 in
        // Double (-> 31) but exactly 31.5 (-> 32).
        let onTime = reviewCard(interval: 45, ease: 1.3)
        #expect(review(onTime, .good, at: Self.t0.addingTimeInterval(45 * Self.day)).interval == 58)
        let late = reviewCard(interval: 22, ease: 1.4)
        #expect(review(late, .good, at: Self.t0.addingTimeInterval(23 * Self.day)).interval == 32)
    }

    @Test func reviewOverdue() {
        // Interval 10, ease 2.5, reviewed 16 days later: 6 days late.
        let card = reviewCard()
        let now = Self.t0.addingTimeInterval(16 * Self.day + 3600)
        // Hard ignores lateness: 10 × 1.2 = 12.
        #expect(review(card, .hard, at: now).interval == 12)
        // Good counts half the lateness: (10 + 6/2) × 2.5 = 32.5 -> 33.
        #expect(review(card, .good, at: now).interval == 33)
        // Easy counts all of it: (10 + 6) × 2.5 × 1.3 = 52.
        #expect(review(card, .easy, at: now).interval == 52)
    }

    @Test func reviewEarly() {
        // Interval 10, ease 2.5, reviewed after 4 days (6 days early): Anki's early-review path
        // with elapsed = 4.
        let card = reviewCard()
        let now = Self.t0.addingTimeInterval(4 * Self.day)
        // Hard: max(4 × 1.2, 10 × 1.2/2) = max(4.8, 6) = 6.
        #expect(review(card, .hard, at: now).interval == 6)
        // Good: max(4 × 2.5, 10) = 10.
        #expect(review(card, .good, at: now).interval == 10)
        // Easy: max(4 × 2.5, 10) × (1.3 − 0.3/2) = 10 × 1.15 = 11.5 -> 12.
        #expect(review(card, .easy, at: now).interval == 12)
    }

    @Test func lapseGoesToRelearningThenBack() {
        let card = reviewCard()
        let now = Self.t0.addingTimeInterval(10 * Self.day)
        // Again: lapse, ease 2.5 − 0.2 = 2.3, new interval max(10 × 0, 1) = 1, relearning step
        // 0 due in 600 s.
        let lapsed = review(card, .again, at: now)
        #expect(lapsed.phase == .relearning && lapsed.step == 0)
        #expect(lapsed.lapses == 1 && lapsed.ease == 2.3 && lapsed.interval == 1)
        #expect(lapsed.due == now.addingTimeInterval(600))
        // Good on the only relearning step: back to review with the 1-day interval.
        let relearned = review(lapsed, .good, at: lapsed.due)
        #expect(relearned.phase == .review && relearned.interval == 1 && relearned.ease == 2.3)
        #expect(relearned.due == Self.dayStart(1, from: lapsed.due))
        // Easy in relearning: the remembered interval + 1 = 2 days.
        #expect(review(lapsed, .easy, at: lapsed.due).interval == 2)
    }

    @Test func lapseWithoutRelearningStepsStaysInReview() throws {
        let s = try SM2Scheduler(relearningSteps: [], fuzz: false, day: Self.days)
        let lapsed = review(reviewCard(), .again, at: Self.t0.addingTimeInterval(10 * Self.day), with: s)
        #expect(lapsed.phase == .review && lapsed.interval == 1 && lapsed.lapses == 1)
    }

    @Test func easeNeverFallsBelowFloor() {
        // 1.4 − 0.15 = 1.25 -> 1.3; 1.4 − 0.2 = 1.2 -> 1.3.
        let card = reviewCard(ease: 1.4)
        let now = Self.t0.addingTimeInterval(10 * Self.day)
        #expect(review(card, .hard, at: now).ease == 1.3)
        #expect(review(card, .again, at: now).ease == 1.3)
    }

    @Test func maximumIntervalIsHonoured() throws {
        // Good would be 25 days; the maximum is 20. Easy (33) is capped too.
        let s = try SM2Scheduler(maximumInterval: 20, fuzz: false, day: Self.days)
        let now = Self.t0.addingTimeInterval(10 * Self.day)
        #expect(review(reviewCard(), .good, at: now, with: s).interval == 20)
        #expect(review(reviewCard(), .easy, at: now, with: s).interval == 20)
    }

    @Test func leechAtEightLapses() {
        #expect(SM2Scheduler.leechThreshold == 8)
        let card = reviewCard(lapses: 7)
        #expect(!SM2Scheduler.isLeech(card))
        let lapsed = review(card, .again, at: Self.t0.addingTimeInterval(10 * Self.day))
        #expect(SM2Scheduler.isLeech(lapsed))
    }

    /// Anki's own fuzz expectations (fuzz.rs): interval, minimum, maximum, then the result for
    /// fuzz factors 0, 0.5 and 0.99.
    @Test(
        arguments: [
            (2.5, 1, 1000, 2, 3, 4), (7.0, 1, 1000, 5, 7, 9), (17.0, 1, 1000, 14, 17, 20),
            (37.0, 1, 1000, 33, 37, 41), (2.0, 3, 1000, 3, 4, 4), (100.0, 101, 1000, 101, 105, 108),
            (100.0, 1, 99, 92, 96, 99), (100.0, 97, 103, 97, 100, 103), (6.9, 3, 1000, 5, 7, 9),
            (19.9, 3, 1000, 17, 20, 23), (20.1, 3, 1000, 17, 20, 23),
        ] as [(Float, Int, Int, Int, Int, Int)])
    func fuzzMatchesAnki(
        interval: Float, minimum: Int, maximum: Int, lower: Int, middle: Int, upper: Int
    ) {
        #expect(SM2Arithmetic.fuzzed(interval, minimum: minimum, maximum: maximum, factor: 0) == lower)
        #expect(SM2Arithmetic.fuzzed(interval, minimum: minimum, maximum: maximum, factor: 0.5) == middle)
        #expect(SM2Arithmetic.fuzzed(interval, minimum: minimum, maximum: maximum, factor: 0.99) == upper)
    }

    @Test func fuzzedReviewStaysInRangeAndIsReproducible() throws {
        // Good on time would be 25: delta = 1 + 0.15 × 4.5 + 0.1 × 13 + 0.05 × 5 = 3.225, so the
        // range is round(21.775) = 22 ... round(28.225) = 28.
        let s = try SM2Scheduler(fuzz: true, day: Self.days)
        let now = Self.t0.addingTimeInterval(10 * Self.day)
        var seen = Set<Double>()
        for seed in 0..<200 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let card = s.review(reviewCard(), rating: .good, at: now, rng: &rng)
            var replay = SeededGenerator(seed: seed)
            let expected = (22 + Float(replay.nextUnit()) * 7).rounded(.down)
            #expect(card.interval == Double(expected))
            seen.insert(card.interval ?? 0)
        }
        #expect(seen == Set((22...28).map(Double.init)))
    }

    @Test func learningStepsAreFuzzedAsAnkiDoes() throws {
        // Fuzz on: a step gets up to 25% more, at most 5 minutes: 60 s -> 60..<75 s, 600 s ->
        // 600..<750 s, 3600 s -> 3600..<3900 s. Without fuzz, exactly the step.
        let s = try SM2Scheduler(learningSteps: [60, 600, 3600], fuzz: true, day: Self.days)
        var delays: [Int: Set<Int>] = [0: [], 1: [], 2: []]
        for seed in 0..<300 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let again = s.review(.new(at: Self.t0), rating: .again, at: Self.t0, rng: &rng)
            delays[0]?.insert(Int(again.due.timeIntervalSince(Self.t0)))
            let good = s.review(.new(at: Self.t0), rating: .good, at: Self.t0, rng: &rng)
            delays[1]?.insert(Int(good.due.timeIntervalSince(Self.t0)))
            let third = s.review(good, rating: .good, at: Self.t0, rng: &rng)
            delays[2]?.insert(Int(third.due.timeIntervalSince(Self.t0)))
        }
        #expect(delays[0]!.min()! >= 60 && delays[0]!.max()! < 75 && delays[0]!.count > 10)
        #expect(delays[1]!.min()! >= 600 && delays[1]!.max()! < 750 && delays[1]!.count > 50)
        #expect(delays[2]!.min()! >= 3600 && delays[2]!.max()! < 3900 && delays[2]!.count > 100)
        // Unfuzzed (as `progress replay` runs): exactly the step.
        let plain = review(.new(at: Self.t0), .good, at: Self.t0)
        #expect(plain.due.timeIntervalSince(Self.t0) == 600)
    }

    @Test func retrievabilityIsNinetyPercentWhenDue() {
        let card = reviewCard()
        #expect(scheduler.retrievability(of: .new(at: Self.t0), at: Self.t0) == 1)
        let r = scheduler.retrievability(of: card, at: Self.t0.addingTimeInterval(10 * Self.day))
        #expect(abs(r - 0.9) < 1e-9)
    }
}
