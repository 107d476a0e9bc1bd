import ArgumentParser
import SRMQuizKit

/// The checks of option values that several commands share, each with one rule and one message
/// (a `ValidationError`: exit status 64, with the usage).
enum OptionCheck {
    /// `--count`: 1 or more (`nil`: not given).
    static func count(_ value: Int?) throws {
        if let value, value < 1 { throw ValidationError("--count must be 1 or more") }
    }

    /// `--timer`: seconds per question, from 1 to 3600 (`nil`: not given).
    static func timer(_ seconds: Double?) throws {
        if let seconds, !(1...3600).contains(seconds) {
            throw ValidationError("--timer must be from 1 to 3600 seconds")
        }
    }

    /// `--retention`: FSRS desired retention, within ``SchedulerSettingsError/retentionRange``.
    static func retention(_ value: Double?) throws {
        if let value, !SchedulerSettingsError.retentionRange.contains(value) {
            throw ValidationError("--retention must be between 0.70 and 0.99, not \(value)")
        }
    }

    /// `--day-starts-at`: an hour of the day (SM-2's day rule).
    static func dayStartsAt(_ hour: Int?) throws {
        if let hour, !StudyDay.rolloverHours.contains(hour) {
            throw ValidationError("--day-starts-at must be an hour from 0 to 23, not \(hour)")
        }
    }

    /// `--exam-date`: a calendar day, `YYYY-MM-DD`.
    static func examDate(_ text: String?) throws {
        if let text, Timestamp.day(from: text) == nil {
            throw ValidationError("--exam-date must be a date such as 2026-03-31, got \"\(text)\"")
        }
    }
}
