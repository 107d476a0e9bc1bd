import Foundation

/// The one place times become text for people and file names, and calendar days are read from the
/// command line.
///
/// Always UTC, no locale, built on ``ProgressTime``'s arithmetic (the exact format of progress
/// files), so no `DateFormatter` is created per call and every reader agrees.
package enum Timestamp {
    /// `2025-03-01T09:30:00Z`: `date` rounded down to the second (clamped to years 1 to 9999).
    package static func wholeSeconds(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let (low, high) = (
            Double(ProgressTime.range.lowerBound / 1000), Double(ProgressTime.range.upperBound / 1000)
        )
        let text = ProgressTime.string(
            from: Date(timeIntervalSince1970: seconds.isNaN ? 0 : min(max(seconds, low), high)))
        return (text ?? "").prefix(19) + "Z"
    }

    /// `2025-01-31`: the UTC day of `date`.
    package static func day(_ date: Date) -> String {
        String(wholeSeconds(date).prefix(10))
    }

    /// `2025-01-31 14:25 UTC`: `date` to the minute (rounded down), for reports and summaries.
    package static func minute(_ date: Date) -> String {
        let text = wholeSeconds(date)
        return text.prefix(10) + " " + text.dropFirst(11).prefix(5) + " UTC"
    }

    /// A stamp for file names that sorts by time: `20250131T142501Z`, or with `milliseconds`
    /// `20250131T142501.123Z` (rounded to the millisecond).
    package static func fileStamp(_ date: Date, milliseconds: Bool = false) -> String {
        let iso =
            milliseconds
            ? ProgressTime.string(from: date) ?? wholeSeconds(date)
            : wholeSeconds(date)
        return iso.filter { $0 != "-" && $0 != ":" }
    }

    /// The calendar day `text` names, strictly `yyyy-MM-dd` and a real date (no 31 February), as
    /// noon UTC so every time zone agrees on the day; `nil` otherwise.
    package static func day(from text: String) -> Date? {
        guard text.utf8.count == 10 else { return nil }
        return ProgressTime.date(from: text + "T12:00:00.000Z")
    }
}
