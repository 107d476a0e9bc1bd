import Foundation

/// Anki's calendar day: days start at a rollover hour (4 a.m.
///
/// by default) in the learner's time zone, so a card answered late at night still counts as
/// today's. SM-2 counts intervals, days late and days early in these days, and a review card falls
/// due at the start of its due day.
///
/// As Anki's `sched_timing_today`, the day of an instant uses the time zone's offset at that
/// instant. Day numbers count from the day that starts on 1970-01-01 at the rollover hour.
public struct StudyDay: Sendable, Hashable {
    /// The hour, 0 to 23, at which a new day starts.
    package let rolloverHour: Int
    /// The time zone whose clock the rollover hour is read on.
    package let timeZone: TimeZone

    /// The allowed rollover hours.
    package static let rolloverHours: ClosedRange<Int> = 0...23
    /// Anki's default rollover hour.
    public static let defaultRolloverHour = 4

    /// Days starting at `rolloverHour` (kept within 0...23) in `timeZone`.
    package init(rolloverHour: Int = StudyDay.defaultRolloverHour, timeZone: TimeZone) {
        self.rolloverHour = min(max(rolloverHour, 0), 23)
        self.timeZone = timeZone
    }

    /// The day `date` falls in.
    package func day(of date: Date) -> Int {
        let seconds = Self.wholeSeconds(date)
        let local = seconds + Int64(timeZone.secondsFromGMT(for: date))
        let (localDay, secondOfDay) = Self.floorDivide(local, by: 86_400)
        return Int(secondOfDay >= Int64(rolloverHour * 3600) ? localDay : localDay - 1)
    }

    /// Whole seconds from `date` (rounded down) to the start of the next day, as Anki's
    /// `secs_until_rollover` (the offset at `date` is used for the whole day).
    package func secondsUntilNextDay(from date: Date) -> Int {
        let seconds = Self.wholeSeconds(date)
        let offset = Int64(timeZone.secondsFromGMT(for: date))
        let next = Int64(day(of: date) + 1) * 86_400 + Int64(rolloverHour * 3600) - offset
        return Int(max(next - seconds, 0))
    }

    /// The instant `day` starts: the rollover hour on its date, in the time zone.
    package func start(ofDay day: Int) -> Date {
        let local = Int64(day) * 86_400 + Int64(rolloverHour * 3600)
        var guess = local - Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local))))
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(guess))))
        guess = local - offset
        return Date(timeIntervalSince1970: Double(guess))
    }

    /// Whole seconds since 1970, rounded down (Anki's clock has whole seconds).
    static func wholeSeconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    private static func floorDivide(_ value: Int64, by divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }
}
