import Foundation

/// Small pieces of wording shared by every screen: clocks, counts with their nouns, numbers.
package enum TextFormat {
    /// `seconds` as a clock: `m:ss`, or `h:mm:ss` from an hour up.
    package static func clock(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        let h = seconds / 3600
        let m = (seconds % 3600) / 60
        let s = seconds % 60
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0" : "")\(m):\(ss)" }
        return "\(m):\(ss)"
    }

    /// `count` and its noun, singular or plural: `1 question`, `3 questions`; `plural` for
    /// irregular nouns.
    package static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }

    /// `TWO`, `THREE`, … as the exam words "Choose TWO".
    package static func numberWord(_ n: Int) -> String {
        let words = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX"]
        return n < words.count ? words[n] : String(n)
    }

    /// `value` without a fractional part when it has none, else with one decimal: `70`, `72.5`.
    package static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
