/// The interval fuzz ranges shared by FSRS (py-fsrs) and Anki: one day of fuzz either way, plus
/// 15% of the days between 2.5 and 7, 10% of those between 7 and 20 and 5% of those beyond 20.
enum FuzzRanges {
    /// `(start, end, factor)` for each range.
    static let ranges: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, .infinity, 0.05),
    ]

    /// How far either way an interval of `days` may be fuzzed (0 below 2.5 days).
    static func delta(_ days: Double) -> Double {
        guard days >= 2.5 else { return 0 }
        var delta = 1.0
        for range in ranges {
            delta += range.factor * max(min(days, range.end) - range.start, 0.0)
        }
        return delta
    }

    /// Anki's `fuzz_delta`: the delta above in 32-bit floats, in Anki's order (for SM-2).
    static func delta(_ days: Float) -> Float {
        guard days >= 2.5 else { return 0 }
        var delta: Float = 1
        for range in ranges {
            delta += Float(range.factor) * max(min(days, Float(range.end)) - Float(range.start), 0)
        }
        return delta
    }

    /// py-fsrs's fuzz bounds for a whole-day interval: rounded half to even, at least 2, at most
    /// `maximum`.
    static func bounds(days: Int, maximum: Int) -> (lower: Int, upper: Int) {
        let d = delta(Double(days))
        var lower = Int((Double(days) - d).rounded(.toNearestOrEven))
        var upper = Int((Double(days) + d).rounded(.toNearestOrEven))
        lower = max(2, lower)
        upper = min(upper, maximum)
        lower = min(lower, upper)
        return (lower, upper)
    }
}
