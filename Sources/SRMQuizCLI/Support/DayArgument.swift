import Foundation

/// A calendar day on the command line (`--exam-date 2026-03-31`), strict: `yyyy-MM-dd`, a real
/// date, read as noon UTC so every time zone agrees on the day.
enum DayArgument {
    /// The day `text` names, or `nil` when it is not one.
    static func parse(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        f.isLenient = false
        guard text.count == 10, let date = f.date(from: text) else { return nil }
        return date.addingTimeInterval(12 * 3600)
    }
}
