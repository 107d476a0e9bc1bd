import Foundation

/// Exact time arithmetic for the schedulers, in whole microseconds since the Unix epoch, as
/// Python's `datetime`/`timedelta` do it (py-fsrs relies on that arithmetic).
enum SchedulingTime {
    static let microsecondsPerSecond: Int64 = 1_000_000
    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `date` in whole microseconds since 1970 (nearest).
    @inline(__always)
    static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1e6).rounded())
    }

    /// The date `microseconds` after 1970.
    @inline(__always)
    static func date(_ microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1e6)
    }

    /// Whole days from `earlier` to `later`, rounded down, like `timedelta.days`.
    @inline(__always)
    static func wholeDays(from earlier: Int64, to later: Int64) -> Int64 {
        let delta = later - earlier
        let days = delta / microsecondsPerDay
        return (delta % microsecondsPerDay != 0 && delta < 0) ? days - 1 : days
    }

    /// `seconds` as whole microseconds, rounding half to even like `timedelta(seconds:)`.
    static func microseconds(seconds: Double) -> Int64 {
        Int64((seconds * 1e6).rounded(.toNearestOrEven))
    }

    /// `numerator / denominator` rounded half to even (denominator > 0), like `timedelta / 2.0`.
    @inline(__always)
    static func divideRoundingHalfEven(_ numerator: Int64, by denominator: Int64) -> Int64 {
        var quotient = numerator / denominator
        var remainder = numerator % denominator
        if remainder < 0 {
            quotient -= 1
            remainder += denominator
        }
        let twice = remainder * 2
        if twice > denominator || (twice == denominator && quotient % 2 != 0) {
            quotient += 1
        }
        return quotient
    }
}
