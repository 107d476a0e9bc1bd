import Foundation

/// Short human durations, rounded to their largest unit: `45 s`, `10 min`, `3 h`, `4 days`.
package enum RelativeTime {
    /// `seconds` as a short duration.
    package static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(Int(s.rounded())) s" }
        if s < 3600 { return "\(min(59, Int((s / 60).rounded()))) min" }
        if s < 86_400 { return "\(Int((s / 3600).rounded())) h" }
        let days = Int((s / 86_400).rounded())
        return days == 1 ? "1 day" : "\(days) days"
    }

    /// `date` relative to `now`: `now`, or `in 10 min`.
    package static func until(_ date: Date, from now: Date) -> String {
        let delta = date.timeIntervalSince(now)
        return delta <= 0 ? "now" : "in " + duration(delta)
    }
}
