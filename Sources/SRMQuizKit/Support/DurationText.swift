import Foundation

/// Durations as people type them on a command line: `90` (minutes), `90m`, `6s`, `1h30m`,
/// `2.5m`, `1h 5m 30s`.
package enum DurationText {
    /// Seconds for `text`, or `nil` if it is not a duration.
    ///
    /// A bare number means minutes.
    package static func seconds(_ text: String) -> TimeInterval? {
        let compact = text.lowercased().replacingOccurrences(of: " ", with: "")
        guard !compact.isEmpty else { return nil }
        if let minutes = Double(compact) { return minutes.isFinite && minutes >= 0 ? minutes * 60 : nil }
        var total: TimeInterval = 0
        var number = ""
        var rest = Substring(compact)
        while let c = rest.first {
            if c.isNumber || c == "." {
                number.append(c)
                rest = rest.dropFirst()
                continue
            }
            guard let value = Double(number), value.isFinite else { return nil }
            number = ""
            let unit = String(rest.prefix { $0.isLetter })
            rest = rest.dropFirst(unit.count)
            switch unit {
            case "h", "hr", "hour", "hours": total += value * 3600
            case "m", "min", "mins", "minute", "minutes": total += value * 60
            case "s", "sec", "secs", "second", "seconds": total += value
            default: return nil
            }
        }
        return number.isEmpty ? total : nil
    }
}
