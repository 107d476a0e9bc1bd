import Foundation

/// Anki's variant of SM-2 (the v3 scheduler without FSRS), with Anki's default deck options:
/// learning steps from the settings, graduating interval 1 day, easy interval 4 days, starting
/// ease 2.5 changed additively (Again −0.20, Hard −0.15, Easy +0.15, never below 1.3), easy bonus
/// 1.3, hard multiplier 1.2, interval modifier 1.0, lapses to relearning with a new interval of
/// 0 × the old one (at least 1 day), leeches at 8 lapses, and Anki's fuzz.
///
/// Differences from Anki: days are whole 24-hour periods since the last review (Anki counts
/// calendar days with a 4 a.m. rollover); arithmetic is in `Double` (Anki uses `f32`), with the
/// ease rounded to thousandths after each change as Anki's integer "factor" column does; the fuzz
/// factor is drawn from the caller's generator for each review (Anki seeds it from the card id
/// and review count).
public struct SM2Scheduler: Scheduler {
    public var kind: SchedulerKind { .sm2 }

    /// Lapses at which a card counts as a leech.
    public static let leechThreshold = 8
    /// The ease a card graduates with.
    public static let startingEase = 2.5
    /// The lowest ease.
    public static let minimumEase = 1.3
    /// The interval, in days, of a card graduating with Good.
    public static let graduatingInterval = 1
    /// The interval, in days, of a card graduating with Easy.
    public static let easyInterval = 4
    /// Extra factor for Easy on review cards.
    public static let easyBonus = 1.3
    /// Factor for Hard on review cards.
    public static let hardMultiplier = 1.2
    /// Factor applied to every review interval.
    public static let intervalModifier = 1.0
    /// Fraction of the old interval a lapsed card keeps.
    public static let lapseMultiplier = 0.0
    /// The shortest interval, in days, after a lapse.
    public static let minimumLapseInterval = 1

    /// Learning steps, in seconds.
    public let learningSteps: [Double]
    /// Relearning steps, in seconds.
    public let relearningSteps: [Double]
    /// The longest interval, in days.
    public let maximumInterval: Int
    /// Whether review intervals are fuzzed.
    public let fuzz: Bool

    private let learning: Steps
    private let relearning: Steps

    /// A scheduler with the given steps (seconds), maximum interval (days) and fuzz.
    /// - Throws: ``SchedulerSettingsError`` for a step that is not positive or a maximum
    ///   interval below 1.
    public init(
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, fuzz: Bool = true
    ) throws(SchedulerSettingsError) {
        try FSRSScheduler.validateSteps(learningSteps, field: "learningSteps")
        try FSRSScheduler.validateSteps(relearningSteps, field: "relearningSteps")
        guard maximumInterval >= 1 else { throw .invalidMaximumInterval(maximumInterval) }
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
        learning = Steps(learningSteps)
        relearning = Steps(relearningSteps)
    }

    /// A scheduler for `settings` (its FSRS fields and `kind` are not used).
    public init(settings: SchedulerSettings) throws(SchedulerSettingsError) {
        try self.init(
            learningSteps: settings.learningSteps, relearningSteps: settings.relearningSteps,
            maximumInterval: settings.maximumInterval, fuzz: settings.fuzz)
    }

    /// Whether `card` has lapsed at least ``leechThreshold`` times.
    public static func isLeech(_ card: Card) -> Bool {
        card.lapses >= leechThreshold
    }

    // MARK: Scheduler

    public func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator)
        -> Card
    {
        var next = card
        next.reps += 1
        next.lastReview = now
        next.stability = nil
        next.difficulty = nil
        switch card.phase {
        case .new, .learning:
            answerLearning(&next, rating: rating, now: now, rng: &rng)
        case .review:
            answerReview(&next, previous: card, rating: rating, now: now, rng: &rng)
        case .relearning:
            answerRelearning(&next, rating: rating, now: now)
        }
        return next
    }

    /// An estimate for ordering: FSRS-6's default forgetting curve with the interval as the
    /// stability (so recall is 90% when a card falls due); 1 for a new card.
    public func retrievability(of card: Card, at now: Date) -> Double {
        guard card.phase != .new, let lastReview = card.lastReview else { return 1 }
        let stability =
            card.interval ?? max(card.due.timeIntervalSince(lastReview) / 86_400, 1e-6)
        let elapsed = max(now.timeIntervalSince(lastReview) / 86_400, 0)
        let decay = -FSRSParameters.defaults[20]
        let factor = pow(0.9, 1 / decay) - 1
        return pow(1 + factor * elapsed / max(stability, 1e-6), decay)
    }

    // MARK: States

    private func answerLearning(
        _ card: inout Card, rating: Rating, now: Date, rng: inout SeededGenerator
    ) {
        let index = learning.index(card.step ?? 0)
        card.phase = .learning
        switch rating {
        case .again where !learning.isEmpty:
            card.step = 0
            card.due = now.addingTimeInterval(Double(learning.seconds[0]))
        case .hard where !learning.isEmpty:
            card.step = index
            card.due = now.addingTimeInterval(Double(learning.hardDelay(index)))
        case .good where index + 1 < learning.seconds.count:
            card.step = index + 1
            card.due = now.addingTimeInterval(Double(learning.seconds[index + 1]))
        case .easy:
            graduate(&card, days: Double(Self.easyInterval), now: now, rng: &rng)
        default:
            graduate(&card, days: Double(Self.graduatingInterval), now: now, rng: &rng)
        }
    }

    private func graduate(_ card: inout Card, days: Double, now: Date, rng: inout SeededGenerator) {
        let factor = fuzz ? rng.nextUnit() : nil
        let (minimum, maximum) = limits(minimum: 1)
        let interval = Self.fuzzed(days, minimum: minimum, maximum: maximum, factor: factor)
        card.ease = Self.startingEase
        schedule(&card, days: interval, now: now)
    }

    private func answerReview(
        _ card: inout Card, previous: Card, rating: Rating, now: Date,
        rng: inout SeededGenerator
    ) {
        let scheduled = max(Int((previous.interval ?? 1).rounded()), 0)
        let ease = previous.ease ?? Self.startingEase
        let elapsed =
            previous.lastReview.map {
                Int(
                    SchedulingTime.wholeDays(
                        from: SchedulingTime.microseconds($0), to: SchedulingTime.microseconds(now)))
            } ?? scheduled
        let daysLate = elapsed - scheduled

        if rating == .again {
            card.lapses += 1
            card.ease = Self.roundedEase(max(ease - 0.2, Self.minimumEase))
            let lapsed = lapseInterval(scheduled)
            if relearning.isEmpty {
                schedule(&card, days: lapsed, now: now)
            } else {
                card.phase = .relearning
                card.step = 0
                card.interval = Double(lapsed)
                card.due = now.addingTimeInterval(Double(relearning.seconds[0]))
            }
            return
        }

        let factor = fuzz ? rng.nextUnit() : nil
        let (hard, good, easy) =
            daysLate < 0
            ? earlyIntervals(scheduled: scheduled, elapsed: elapsed, ease: ease)
            : onTimeIntervals(scheduled: scheduled, daysLate: daysLate, ease: ease, factor: factor)
        switch rating {
        case .hard:
            card.ease = Self.roundedEase(max(ease - 0.15, Self.minimumEase))
            schedule(&card, days: hard, now: now)
        case .good:
            card.ease = ease
            schedule(&card, days: good, now: now)
        default:
            card.ease = Self.roundedEase(ease + 0.15)
            schedule(&card, days: easy, now: now)
        }
    }

    private func answerRelearning(_ card: inout Card, rating: Rating, now: Date) {
        let remembered = max(Int((card.interval ?? 1).rounded()), 1)
        let index = relearning.index(card.step ?? 0)
        card.phase = .relearning
        switch rating {
        case .again where !relearning.isEmpty:
            card.step = 0
            card.interval = Double(lapseInterval(remembered))
            card.due = now.addingTimeInterval(Double(relearning.seconds[0]))
        case .hard where !relearning.isEmpty:
            card.step = index
            card.due = now.addingTimeInterval(Double(relearning.hardDelay(index)))
        case .good where index + 1 < relearning.seconds.count:
            card.step = index + 1
            card.due = now.addingTimeInterval(Double(relearning.seconds[index + 1]))
        case .easy:
            schedule(&card, days: remembered + 1, now: now)
        default:
            schedule(&card, days: remembered, now: now)
        }
    }

    private func schedule(_ card: inout Card, days: Int, now: Date) {
        card.phase = .review
        card.step = nil
        card.interval = Double(days)
        card.due = now.addingTimeInterval(Double(days) * 86_400)
    }

    // MARK: Intervals (Anki's review.rs and fuzz.rs)

    private func lapseInterval(_ scheduled: Int) -> Int {
        max(Int(Double(scheduled) * Self.lapseMultiplier), Self.minimumLapseInterval, 1)
    }

    private func limits(minimum: Int) -> (Int, Int) {
        let maximum = max(maximumInterval, 1)
        return (min(max(minimum, 1), maximum), maximum)
    }

    private func constrain(_ interval: Double, minimum: Int, factor: Double?) -> Int {
        let (minimum, maximum) = limits(minimum: minimum)
        return Self.fuzzed(
            interval * Self.intervalModifier, minimum: minimum, maximum: maximum, factor: factor)
    }

    private func onTimeIntervals(scheduled: Int, daysLate: Int, ease: Double, factor: Double?)
        -> (Int, Int, Int)
    {
        let current = Double(scheduled)
        let late = Double(max(daysLate, 0))
        let hard = constrain(current * Self.hardMultiplier, minimum: scheduled + 1, factor: factor)
        let good = constrain((current + late / 2) * ease, minimum: hard + 1, factor: factor)
        let easy = constrain(
            (current + late) * ease * Self.easyBonus, minimum: good + 1, factor: factor)
        return (hard, good, easy)
    }

    private func earlyIntervals(scheduled: Int, elapsed: Int, ease: Double) -> (Int, Int, Int) {
        let scheduledDays = Double(scheduled)
        let elapsedDays = Double(max(elapsed, 0))
        let hard = constrain(
            max(elapsedDays * Self.hardMultiplier, scheduledDays * Self.hardMultiplier / 2),
            minimum: 0, factor: nil)
        let good = constrain(max(elapsedDays * ease, scheduledDays), minimum: 0, factor: nil)
        let reducedBonus = Self.easyBonus - (Self.easyBonus - 1) / 2
        let easy = constrain(
            max(elapsedDays * ease, scheduledDays) * reducedBonus, minimum: 0, factor: nil)
        return (hard, good, easy)
    }

    /// Anki's `with_review_fuzz`: without a factor, the rounded interval within the limits;
    /// with one, a day picked uniformly from the fuzz range around it.
    static func fuzzed(_ interval: Double, minimum: Int, maximum: Int, factor: Double?) -> Int {
        guard let factor else {
            return min(max(roundedDays(interval), minimum), maximum)
        }
        let minimum = min(minimum, maximum)
        let clamped = min(max(interval, Double(minimum)), Double(maximum))
        let delta = FuzzRanges.delta(clamped)
        var lower = min(max(roundedDays(clamped - delta), minimum), maximum)
        var upper = min(max(roundedDays(clamped + delta), minimum), maximum)
        if upper == lower && upper > 2 && upper < maximum { upper = lower + 1 }
        if upper < lower { swap(&lower, &upper) }
        return Int((Double(lower) + factor * Double(1 + upper - lower)).rounded(.down))
    }

    /// Rounds half away from zero, as Rust's `f32::round`, saturating like `as u32`.
    private static func roundedDays(_ value: Double) -> Int {
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        guard rounded.isFinite, rounded > 0 else { return 0 }
        return rounded >= Double(Int32.max) ? Int(Int32.max) : Int(rounded)
    }

    private static func roundedEase(_ ease: Double) -> Double {
        (ease * 1000).rounded() / 1000
    }
}

/// Learning or relearning steps in whole seconds, with Anki's indexing and Hard delays.
private struct Steps: Sendable {
    let seconds: [Int]

    init(_ steps: [Double]) {
        seconds = steps.map { Int($0) }
    }

    var isEmpty: Bool { seconds.isEmpty }

    /// `step` kept within the steps (steps may have been shortened since).
    func index(_ step: Int) -> Int {
        min(max(step, 0), max(seconds.count - 1, 0))
    }

    /// Anki's Hard delay: the current step, except at the first step the mean of the first two
    /// steps, or with one step 1.5 × it (at most a day more); over a day, rounded to whole days.
    func hardDelay(_ index: Int) -> Int {
        guard index == 0 else { return seconds[index] }
        let day = 86_400
        let delay =
            seconds.count > 1
            ? (seconds[0] + seconds[1]) / 2
            : min(seconds[0] * 3 / 2, seconds[0] + day)
        guard delay > day else { return delay }
        return Int((Double(delay) / Double(day)).rounded(.toNearestOrAwayFromZero)) * day
    }
}
