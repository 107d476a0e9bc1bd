import Foundation

/// Anki's variant of SM-2 (the v3 scheduler without FSRS), with Anki's default deck options:
/// learning steps from the settings, graduating interval 1 day, easy interval 4 days, starting
/// ease 2.5 changed additively (Again −0.20, Hard −0.15, Easy +0.15, never below 1.3), easy bonus
/// 1.3, hard multiplier 1.2, interval modifier 1.0, lapses to relearning with a new interval of
/// 0 × the old one (at least 1 day), leeches at 8 lapses, and Anki's fuzz.
///
/// Days are Anki's: calendar days that start at a rollover hour in the learner's time zone
/// (``StudyDay``). A review card is due from the start of its due day; days late and early are
/// counted in those days. Learning and relearning steps are in seconds; a step that reaches past
/// the next rollover becomes a whole number of days, as in Anki. Intervals are computed in 32-bit
/// floats in Anki's order (``SM2Arithmetic``) and the ease is kept in thousandths, as Anki's
/// integer "factor" column keeps it.
///
/// Early reviews (before the due day) take Anki's early-review path, as Anki does for a card
/// studied in a filtered deck that reschedules. With fuzz on, review intervals are fuzzed as in
/// Anki and learning-step delays get up to 25% more (at most 5 minutes); the fuzz factors come
/// from the caller's generator (Anki seeds them from the card id and review count).
public struct SM2Scheduler: Scheduler {
    /// Always ``SchedulerKind/sm2``.
    public var kind: SchedulerKind { .sm2 }

    /// Lapses at which a card counts as a leech.
    package static let leechThreshold = 8
    /// The ease a card graduates with.
    package static let startingEase: Float = 2.5
    /// The lowest ease.
    package static let minimumEase: Float = 1.3
    /// The interval, in days, of a card graduating with Good.
    package static let graduatingInterval = 1
    /// The interval, in days, of a card graduating with Easy.
    package static let easyInterval = 4
    /// Extra factor for Easy on review cards.
    package static let easyBonus: Float = 1.3
    /// Factor for Hard on review cards.
    package static let hardMultiplier: Float = 1.2
    /// Factor applied to every review interval.
    package static let intervalModifier: Float = 1.0
    /// Fraction of the old interval a lapsed card keeps.
    package static let lapseMultiplier: Float = 0.0
    /// The shortest interval, in days, after a lapse.
    package static let minimumLapseInterval = 1

    /// Learning steps, in seconds.
    package let learningSteps: [Double]
    /// Relearning steps, in seconds.
    package let relearningSteps: [Double]
    /// The longest interval, in days.
    package let maximumInterval: Int
    /// Whether review intervals and learning steps are fuzzed.
    package let fuzz: Bool
    /// How days are counted.
    package let day: StudyDay

    private let learning: LearningSteps
    private let relearning: LearningSteps

    /// A scheduler with the given steps (seconds), maximum interval (days), fuzz and days.
    /// - Throws: ``SchedulerSettingsError`` for a step that is not positive or a maximum
    ///   interval below 1.
    package init(
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, fuzz: Bool = true,
        day: StudyDay = StudyDay(timeZone: .current)
    ) throws(SchedulerSettingsError) {
        try FSRSScheduler.validateSteps(learningSteps, field: "learningSteps")
        try FSRSScheduler.validateSteps(relearningSteps, field: "relearningSteps")
        guard maximumInterval >= 1 else { throw .invalidMaximumInterval(maximumInterval) }
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
        self.day = day
        learning = LearningSteps(learningSteps)
        relearning = LearningSteps(relearningSteps)
    }

    /// A scheduler for `settings` (its FSRS fields and `kind` are not used); days start in
    /// `systemTimeZone` when the settings record no time zone.
    public init(settings: SchedulerSettings, systemTimeZone: TimeZone = .current)
        throws(SchedulerSettingsError)
    {
        try self.init(
            learningSteps: settings.learningSteps, relearningSteps: settings.relearningSteps,
            maximumInterval: settings.maximumInterval, fuzz: settings.fuzz,
            day: settings.studyDay(systemTimeZone: systemTimeZone))
    }

    /// Whether `card` has lapsed at least ``leechThreshold`` times.
    package static func isLeech(_ card: Card) -> Bool {
        card.lapses >= leechThreshold
    }

    // MARK: Scheduler

    /// The card after a review with `rating` at `now`, by Anki's SM-2 rules.
    public func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator)
        -> Card
    {
        var next = card
        next.reps += 1
        next.lastReview = now
        next.stability = nil
        next.difficulty = nil
        let moment = Moment(now: now, today: day.day(of: now))
        switch card.phase {
        case .new, .learning:
            answerLearning(&next, rating: rating, at: moment, rng: &rng)
        case .review:
            answerReview(&next, previous: card, rating: rating, at: moment, rng: &rng)
        case .relearning:
            answerRelearning(&next, rating: rating, at: moment, rng: &rng)
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

    // MARK: States (Anki's learning.rs, review.rs, relearning.rs)

    /// The time of a review and the day it falls in.
    private struct Moment {
        let now: Date
        let today: Int
    }

    private func answerLearning(
        _ card: inout Card, rating: Rating, at moment: Moment, rng: inout SeededGenerator
    ) {
        card.phase = .learning
        if advance(&card, on: learning, rating: rating, at: moment, rng: &rng) { return }
        graduate(
            &card, days: rating == .easy ? Self.easyInterval : Self.graduatingInterval, at: moment, rng: &rng)
    }

    /// Moves `card` along `steps` for `rating`: Again to the first step, Hard repeats this step's
    /// delay, Good to the next step.
    ///
    /// `false` when the rating takes it out of the steps (Easy, Good on the last step, or no
    /// steps), for the caller to schedule in days.
    private func advance(
        _ card: inout Card, on steps: LearningSteps, rating: Rating, at moment: Moment,
        rng: inout SeededGenerator
    ) -> Bool {
        let index = steps.index(card.step ?? 0)
        switch rating {
        case .again where !steps.isEmpty:
            card.step = 0
            scheduleStep(&card, seconds: steps.seconds[0], at: moment, rng: &rng)
        case .hard where !steps.isEmpty:
            card.step = index
            scheduleStep(&card, seconds: steps.hardDelay(index), at: moment, rng: &rng)
        case .good where index + 1 < steps.seconds.count:
            card.step = index + 1
            scheduleStep(&card, seconds: steps.seconds[index + 1], at: moment, rng: &rng)
        default:
            return false
        }
        return true
    }

    private func graduate(_ card: inout Card, days: Int, at moment: Moment, rng: inout SeededGenerator) {
        let (minimum, maximum) = SM2Arithmetic.limits(minimum: 1, maximumInterval: maximumInterval)
        let interval = SM2Arithmetic.fuzzed(
            max(Float(days), 1), minimum: minimum, maximum: maximum, factor: fuzzFactor(&rng))
        card.ease = Self.stored(Self.startingEase)
        schedule(&card, days: interval, at: moment)
    }

    private func answerReview(
        _ card: inout Card, previous: Card, rating: Rating, at moment: Moment,
        rng: inout SeededGenerator
    ) {
        let scheduled = Self.days(previous.interval)
        let ease = Self.ease(previous.ease)
        let dueDay = day.day(of: previous.due)
        let elapsed = max(scheduled - (dueDay - moment.today), 0)
        let daysLate = elapsed - scheduled

        if rating == .again {
            card.lapses += 1
            card.ease = Self.stored(max(ease - 0.2, Self.minimumEase))
            let lapsed = lapseInterval(scheduled, rng: &rng)
            if relearning.isEmpty {
                schedule(&card, days: lapsed, at: moment)
            } else {
                card.phase = .relearning
                card.step = 0
                card.interval = Double(lapsed)
                scheduleStep(&card, seconds: relearning.seconds[0], at: moment, rng: &rng)
            }
            return
        }

        let (hard, good, easy) =
            daysLate < 0
            ? earlyIntervals(scheduled: scheduled, elapsed: elapsed, ease: ease)
            : onTimeIntervals(
                scheduled: scheduled, daysLate: daysLate, ease: ease, factor: fuzzFactor(&rng))
        switch rating {
        case .hard:
            card.ease = Self.stored(max(ease - 0.15, Self.minimumEase))
            schedule(&card, days: hard, at: moment)
        case .good:
            card.ease = Self.stored(ease)
            schedule(&card, days: good, at: moment)
        default:
            card.ease = Self.stored(ease + 0.15)
            schedule(&card, days: easy, at: moment)
        }
    }

    private func answerRelearning(
        _ card: inout Card, rating: Rating, at moment: Moment, rng: inout SeededGenerator
    ) {
        let remembered = Self.days(card.interval)
        card.phase = .relearning
        if rating == .again, !relearning.isEmpty {
            card.interval = Double(lapseInterval(remembered, rng: &rng))  // before the step's fuzz
        }
        if advance(&card, on: relearning, rating: rating, at: moment, rng: &rng) { return }
        schedule(&card, days: rating == .easy ? remembered + 1 : remembered, at: moment)
    }

    /// A review card due `days` after today, from the start of that day.
    private func schedule(_ card: inout Card, days: Int, at moment: Moment) {
        card.phase = .review
        card.step = nil
        card.interval = Double(days)
        card.due = day.start(ofDay: moment.today + days)
    }

    /// A (re)learning step of `seconds`: due that long after now (fuzzed), or, when it reaches
    /// the next rollover, from the start of a later day (Anki's `maybe_as_days`).
    private func scheduleStep(
        _ card: inout Card, seconds: Int, at moment: Moment, rng: inout SeededGenerator
    ) {
        let untilRollover = day.secondsUntilNextDay(from: moment.now)
        if seconds >= untilRollover {
            card.due = day.start(ofDay: moment.today + (seconds - untilRollover) / 86_400 + 1)
        } else {
            card.due = moment.now.addingTimeInterval(Double(fuzzedStep(seconds, rng: &rng)))
        }
    }

    /// Anki's `learning_ivl_with_fuzz`: up to 25% more, at most 5 minutes, when fuzz is on.
    private func fuzzedStep(_ seconds: Int, rng: inout SeededGenerator) -> Int {
        guard fuzz else { return seconds }
        let upper = seconds + SM2Arithmetic.truncated(min(Float(seconds) * 0.25, 300).rounded(.down))
        guard upper > seconds else { return seconds }
        return seconds + min(Int(rng.nextUnit() * Double(upper - seconds)), upper - seconds - 1)
    }

    // MARK: Intervals (Anki's review.rs)

    private func fuzzFactor(_ rng: inout SeededGenerator) -> Float? {
        fuzz ? min(Float(rng.nextUnit()), Float(1).nextDown) : nil
    }

    /// Anki's `failing_review_interval` rounded to whole days (at least 1).
    private func lapseInterval(_ scheduled: Int, rng: inout SeededGenerator) -> Int {
        let (minimum, maximum) = SM2Arithmetic.limits(
            minimum: Self.minimumLapseInterval, maximumInterval: maximumInterval)
        let interval = SM2Arithmetic.fuzzed(
            max(Float(scheduled), 1) * Self.lapseMultiplier, minimum: minimum, maximum: maximum,
            factor: fuzzFactor(&rng))
        return max(interval, 1)
    }

    /// Anki's `constrain_passing_interval`.
    private func constrain(_ interval: Float, minimum: Int, factor: Float?) -> Int {
        let (minimum, maximum) = SM2Arithmetic.limits(minimum: minimum, maximumInterval: maximumInterval)
        return SM2Arithmetic.fuzzed(
            interval * Self.intervalModifier, minimum: minimum, maximum: maximum, factor: factor)
    }

    private func onTimeIntervals(scheduled: Int, daysLate: Int, ease: Float, factor: Float?)
        -> (Int, Int, Int)
    {
        let current = max(Float(scheduled), 1)
        let late = Float(max(daysLate, 0))
        let hard = constrain(current * Self.hardMultiplier, minimum: scheduled + 1, factor: factor)
        let good = constrain((current + late / 2) * ease, minimum: hard + 1, factor: factor)
        let easy = constrain(
            (current + late) * ease * Self.easyBonus, minimum: good + 1, factor: factor)
        return (hard, good, easy)
    }

    private func earlyIntervals(scheduled: Int, elapsed: Int, ease: Float) -> (Int, Int, Int) {
        let scheduledDays = max(Float(scheduled), 1)
        let elapsedDays = Float(elapsed)
        let hard = constrain(
            max(elapsedDays * Self.hardMultiplier, scheduledDays * (Self.hardMultiplier / 2)),
            minimum: 0, factor: nil)
        let good = constrain(max(elapsedDays * ease, scheduledDays), minimum: 0, factor: nil)
        let reducedBonus = Self.easyBonus - (Self.easyBonus - 1) / 2
        let easy = constrain(
            max(elapsedDays * ease, scheduledDays) * reducedBonus, minimum: 0, factor: nil)
        return (hard, good, easy)
    }

    // MARK: Card fields

    /// A card's interval in whole days (Anki's `u32` interval column).
    private static func days(_ interval: Double?) -> Int {
        max(Int((interval ?? 1).rounded()), 0)
    }

    /// A card's ease as Anki reads it from its factor column (2.5 when unset).
    private static func ease(_ ease: Double?) -> Float {
        guard let ease, ease.isFinite else { return startingEase }
        return SM2Arithmetic.ease(permille: Int((ease * 1000).rounded()))
    }

    /// `ease` as kept on the card: Anki's factor column in thousandths, as a `Double`.
    private static func stored(_ ease: Float) -> Double {
        Double(SM2Arithmetic.permille(ease)) / 1000
    }
}
