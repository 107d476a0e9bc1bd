/// Anki's SM-2 interval arithmetic in its own precision and order: 32-bit floats, Rust's
/// `f32::round` (half away from zero) and saturating `as u32` casts, so results that end in .5
/// round as Anki rounds them (Anki's `review.rs` and `fuzz.rs`).
enum SM2Arithmetic {
    /// Rust's `value as u32`: toward zero, negative and NaN to 0, saturating at `u32::MAX`.
    static func truncated(_ value: Float) -> Int {
        guard value.isFinite else { return value == .infinity ? Int(UInt32.max) : 0 }
        guard value > 0 else { return 0 }
        return value >= Float(UInt32.max) ? Int(UInt32.max) : Int(value)
    }

    /// Rust's `value.round() as u32`.
    static func rounded(_ value: Float) -> Int {
        truncated(value.rounded(.toNearestOrAwayFromZero))
    }

    /// Anki's `min_and_max_review_intervals`: the maximum at least 1, the minimum within 1 and
    /// the maximum.
    static func limits(minimum: Int, maximumInterval: Int) -> (minimum: Int, maximum: Int) {
        let maximum = max(maximumInterval, 1)
        return (min(max(minimum, 1), maximum), maximum)
    }

    /// Anki's `with_review_fuzz`: without a factor, the rounded interval within the limits;
    /// with one (0 ≤ factor < 1), a day picked from the fuzz range around it.
    static func fuzzed(_ interval: Float, minimum: Int, maximum: Int, factor: Float?) -> Int {
        guard let factor else { return min(max(rounded(interval), minimum), maximum) }
        let (lower, upper) = fuzzBounds(interval, minimum: minimum, maximum: maximum)
        return truncated((Float(lower) + factor * Float(1 + upper - lower)).rounded(.down))
    }

    /// Anki's `constrained_fuzz_bounds`.
    static func fuzzBounds(_ interval: Float, minimum: Int, maximum: Int) -> (Int, Int) {
        let minimum = min(minimum, maximum)
        let clamped = min(max(interval, Float(minimum)), Float(maximum))
        let delta = FuzzRanges.delta(clamped)
        let lower = min(max(rounded(clamped - delta), minimum), maximum)
        var upper = min(max(rounded(clamped + delta), minimum), maximum)
        if upper == lower && upper > 2 && upper < maximum { upper = lower + 1 }
        return (lower, upper)
    }

    /// An ease kept as Anki keeps it: thousandths in an unsigned 16-bit "factor" column.
    static func permille(_ ease: Float) -> Int {
        min(rounded(ease * 1000), Int(UInt16.max))
    }

    /// The ease Anki reads back from its factor column (`factor as f32 / 1000.0`).
    static func ease(permille: Int) -> Float {
        Float(min(max(permille, 0), Int(UInt16.max))) / 1000
    }
}
