import Foundation

/// FSRS-6, computed exactly as the reference implementation py-fsrs 6.3 does (same operations in
/// the same order, Python's rounding, `timedelta` arithmetic), so that with fuzz off a card's
/// state, step, stability, difficulty and due match py-fsrs for any sequence of reviews.
///
/// A `.new` card behaves as a fresh py-fsrs card (learning step 0, no stability). `reps` and
/// `lapses` (a review-phase card rated Again) are counted too; py-fsrs does not keep them.
/// With fuzz on, review intervals are spread over py-fsrs's fuzz ranges, drawing one
/// `nextUnit()` from the caller's generator where py-fsrs calls `random()`.
public struct FSRSScheduler: Scheduler {
    /// Always ``SchedulerKind/fsrs``.
    public var kind: SchedulerKind { .fsrs }

    /// The 21 weights in use.
    package let parameters: [Double]
    /// The probability of recall the intervals aim for.
    package let desiredRetention: Double
    /// Learning steps, in seconds.
    package let learningSteps: [Double]
    /// Relearning steps, in seconds.
    package let relearningSteps: [Double]
    /// The longest interval, in days.
    package let maximumInterval: Int
    /// Whether review intervals are fuzzed.
    package let fuzz: Bool

    // Steps and their "Hard at step 0" delays, in microseconds.
    private let learningStepsUs: [Int64]
    private let relearningStepsUs: [Int64]
    private let learningHardFirstUs: Int64
    private let relearningHardFirstUs: Int64

    // Weights and sub-expressions that do not depend on the card, computed once.
    private let w0to3: (Double, Double, Double, Double)
    private let w4, w5, w6, w7, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18, w19: Double
    private let decay: Double
    private let factor: Double
    private let retentionTerm: Double
    private let expW8: Double
    private let forgetShortTermDivisor: Double
    private let easyInitialDifficulty: Double
    private let maximumIntervalDouble: Double

    private static let e = 2.718281828459045

    /// A scheduler with the given settings.
    /// - Parameters:
    ///   - parameters: the 21 FSRS-6 weights, each within ``FSRSParameters/lowerBounds`` and
    ///     ``FSRSParameters/upperBounds``.
    ///   - desiredRetention: 0.70 to 0.99.
    ///   - learningSteps: learning steps in seconds (may be empty).
    ///   - relearningSteps: relearning steps in seconds (may be empty).
    ///   - maximumInterval: the longest interval in days, at least 1.
    ///   - fuzz: whether review intervals are fuzzed.
    /// - Throws: ``SchedulerSettingsError`` naming the first setting out of range.
    package init(
        parameters: [Double] = FSRSParameters.defaults, desiredRetention: Double = 0.9,
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, fuzz: Bool = true
    ) throws(SchedulerSettingsError) {
        try FSRSParameters.validate(parameters)
        guard SchedulerSettingsError.retentionRange.contains(desiredRetention) else {
            throw .retentionOutOfRange(desiredRetention)
        }
        try Self.validateSteps(learningSteps, field: "learningSteps")
        try Self.validateSteps(relearningSteps, field: "relearningSteps")
        guard maximumInterval >= 1 else { throw .invalidMaximumInterval(maximumInterval) }

        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz

        learningStepsUs = learningSteps.map { SchedulingTime.microseconds(seconds: $0) }
        relearningStepsUs = relearningSteps.map { SchedulingTime.microseconds(seconds: $0) }
        learningHardFirstUs = Self.hardFirstStep(learningStepsUs)
        relearningHardFirstUs = Self.hardFirstStep(relearningStepsUs)

        let w = parameters
        w0to3 = (w[0], w[1], w[2], w[3])
        (w4, w5, w6, w7) = (w[4], w[5], w[6], w[7])
        (w9, w10, w11, w12, w13, w14) = (w[9], w[10], w[11], w[12], w[13], w[14])
        (w15, w16, w17, w18, w19) = (w[15], w[16], w[17], w[18], w[19])
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
        retentionTerm = pow(desiredRetention, 1 / decay) - 1
        expW8 = pow(Self.e, w[8])
        forgetShortTermDivisor = pow(Self.e, w[17] * w[18])
        easyInitialDifficulty = w[4] - pow(Self.e, w[5] * Double(Rating.easy.rawValue - 1)) + 1
        maximumIntervalDouble = Double(maximumInterval)
    }

    /// A scheduler for `settings` (whose `kind` is not checked).
    public init(settings: SchedulerSettings) throws(SchedulerSettingsError) {
        try self.init(
            parameters: settings.parameters ?? FSRSParameters.defaults,
            desiredRetention: settings.desiredRetention, learningSteps: settings.learningSteps,
            relearningSteps: settings.relearningSteps, maximumInterval: settings.maximumInterval,
            fuzz: settings.fuzz)
    }

    static func validateSteps(_ steps: [Double], field: String) throws(SchedulerSettingsError) {
        for (index, value) in steps.enumerated() where !(value > 0 && value.isFinite) {
            throw .invalidStep(field: field, index: index, value: value)
        }
    }

    /// py-fsrs's Hard delay at step 0: 1.5 × the only step, or the mean of the first two.
    private static func hardFirstStep(_ steps: [Int64]) -> Int64 {
        switch steps.count {
        case 0: 0
        case 1: SchedulingTime.divideRoundingHalfEven(steps[0] * 3, by: 2)
        default: SchedulingTime.divideRoundingHalfEven(steps[0] + steps[1], by: 2)
        }
    }

    // MARK: Scheduler

    /// The card after a review with `rating` at `now`, by FSRS-6.
    public func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator)
        -> Card
    {
        let nowUs = SchedulingTime.microseconds(now)
        let lastUs = card.lastReview.map(SchedulingTime.microseconds)
        let r = rating.rawValue
        var next = card
        var intervalUs: Int64
        var intervalDays: Int? = nil

        if card.phase == .review, let s = card.stability, let d = card.difficulty {
            let stability = updatedStability(s, difficulty: d, rating: r, lastUs: lastUs, nowUs: nowUs)
            next.stability = stability
            next.difficulty = nextDifficulty(d, rating: r)
            if rating == .again {
                next.lapses += 1
                if relearningStepsUs.isEmpty {
                    intervalDays = nextInterval(stability)
                    intervalUs = 0
                } else {
                    next.phase = .relearning
                    next.step = 0
                    intervalUs = relearningStepsUs[0]
                }
            } else {
                next.phase = .review
                next.step = nil
                intervalDays = nextInterval(stability)
                intervalUs = 0
            }
        } else {
            // New, learning or relearning (a review card missing its memory state starts over).
            let relearning = card.phase == .relearning && card.stability != nil
            let steps = relearning ? relearningStepsUs : learningStepsUs
            let hardFirst = relearning ? relearningHardFirstUs : learningHardFirstUs
            let step = max(card.step ?? 0, 0)

            let stability: Double
            if let s = card.stability, let d = card.difficulty {
                stability = updatedStability(s, difficulty: d, rating: r, lastUs: lastUs, nowUs: nowUs)
                next.difficulty = nextDifficulty(d, rating: r)
            } else {
                stability = initialStability(r)
                next.difficulty = initialDifficulty(r)
            }
            next.stability = stability

            next.phase = relearning ? .relearning : .learning
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                intervalDays = nextInterval(stability)
                intervalUs = 0
            } else {
                switch rating {
                case .again:
                    next.step = 0
                    intervalUs = steps[0]
                case .hard:
                    next.step = step
                    intervalUs = step == 0 ? hardFirst : steps[step]
                case .good:
                    if step + 1 == steps.count {
                        intervalDays = nextInterval(stability)
                        intervalUs = 0
                    } else {
                        next.step = step + 1
                        intervalUs = steps[step + 1]
                    }
                case .easy:
                    intervalDays = nextInterval(stability)
                    intervalUs = 0
                }
            }
            if intervalDays != nil {
                next.phase = .review
                next.step = nil
            }
        }

        if let days = intervalDays {
            let fuzzed = fuzz ? fuzzedInterval(days, rng: &rng) : days
            intervalUs = Int64(fuzzed) * SchedulingTime.microsecondsPerDay
        }
        next.due = SchedulingTime.date(nowUs + intervalUs)
        next.lastReview = now
        next.reps += 1
        return next
    }

    /// py-fsrs's retrievability: whole days elapsed, 1 for a new card.
    public func retrievability(of card: Card, at now: Date) -> Double {
        guard let s = card.stability, let lastReview = card.lastReview else { return 1 }
        return reviewRetrievability(
            s, lastUs: SchedulingTime.microseconds(lastReview),
            nowUs: SchedulingTime.microseconds(now))
    }

    // MARK: FSRS-6 formulas (same operations and order as py-fsrs)

    /// Same-day reviews use the short-term formula, later ones the long-term one.
    @inline(__always)
    private func updatedStability(
        _ s: Double, difficulty d: Double, rating r: Int, lastUs: Int64?, nowUs: Int64
    ) -> Double {
        if let lastUs, SchedulingTime.wholeDays(from: lastUs, to: nowUs) < 1 {
            return shortTermStability(s, rating: r)
        }
        let retrievability = reviewRetrievability(s, lastUs: lastUs, nowUs: nowUs)
        return nextStability(d: d, s: s, r: retrievability, rating: r)
    }

    @inline(__always)
    private func reviewRetrievability(_ s: Double, lastUs: Int64?, nowUs: Int64) -> Double {
        guard let lastUs else { return 0 }
        let elapsed = max(0, SchedulingTime.wholeDays(from: lastUs, to: nowUs))
        return pow(1 + factor * Double(elapsed) / s, decay)
    }

    @inline(__always)
    private func initialStability(_ rating: Int) -> Double {
        let w = w0to3
        let value =
            switch rating {
            case 1: w.0
            case 2: w.1
            case 3: w.2
            default: w.3
            }
        return max(value, FSRSParameters.minimumStability)
    }

    @inline(__always)
    private func initialDifficulty(_ rating: Int) -> Double {
        clampDifficulty(w4 - pow(Self.e, w5 * Double(rating - 1)) + 1)
    }

    @inline(__always)
    private func clampDifficulty(_ d: Double) -> Double {
        min(max(d, 1.0), 10.0)
    }

    /// The interval in whole days for stability `s` (Python's round half to even).
    @inline(__always)
    func nextInterval(_ s: Double) -> Int {
        let raw = ((s / factor) * retentionTerm).rounded(.toNearestOrEven)
        if raw >= maximumIntervalDouble { return maximumInterval }
        return max(Int(raw), 1)
    }

    @inline(__always)
    private func shortTermStability(_ s: Double, rating: Int) -> Double {
        var increase = pow(Self.e, w17 * (Double(rating - 3) + w18)) * pow(s, -w19)
        if rating != 1 { increase = max(increase, 1.0) }
        return max(s * increase, FSRSParameters.minimumStability)
    }

    @inline(__always)
    private func nextDifficulty(_ d: Double, rating: Int) -> Double {
        let delta = -(w6 * Double(rating - 3))
        let damped = d + (10.0 - d) * delta / 9.0
        return clampDifficulty(w7 * easyInitialDifficulty + (1 - w7) * damped)
    }

    @inline(__always)
    private func nextStability(d: Double, s: Double, r: Double, rating: Int) -> Double {
        let value: Double
        if rating == 1 {
            let longTerm =
                w11 * pow(d, -w12) * (pow(s + 1, w13) - 1) * pow(Self.e, (1 - r) * w14)
            let shortTerm = s / forgetShortTermDivisor
            value = min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == 2 ? w15 : 1
            let easyBonus = rating == 4 ? w16 : 1
            value =
                s
                * (1 + expW8 * (11 - d) * pow(s, -w9) * (pow(Self.e, (1 - r) * w10) - 1)
                    * hardPenalty * easyBonus)
        }
        return max(value, FSRSParameters.minimumStability)
    }

    /// py-fsrs's `_get_fuzzed_interval`, with `rng.nextUnit()` for `random()`.
    private func fuzzedInterval(_ days: Int, rng: inout SeededGenerator) -> Int {
        guard Double(days) >= 2.5 else { return days }
        let (lower, upper) = FuzzRanges.bounds(days: days, maximum: maximumInterval)
        let fuzzed = (rng.nextUnit() * Double(upper - lower + 1) + Double(lower))
            .rounded(.toNearestOrEven)
        return min(Int(fuzzed), maximumInterval)
    }
}
