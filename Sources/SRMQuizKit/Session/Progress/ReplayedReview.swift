import Foundation

/// A card's state after one review of a replayed log.
public struct ReplayedReview: Sendable, Hashable {
    public var cardID: Int64
    /// Milliseconds since the Unix epoch.
    public var reviewTime: Int64
    /// The card after the review.
    public var card: Card

    public init(cardID: Int64, reviewTime: Int64, card: Card) {
        self.cardID = cardID
        self.reviewTime = reviewTime
        self.card = card
    }

    /// One JSON object on one line, keys in a fixed order:
    /// `{"card_id": 7, "review_time": 1767600000000, "state": "learning", "step": 0,
    /// "stability": 2.3065, "difficulty": 2.1181, "due": "2026-01-05T09:10:00Z"}`; for SM-2
    /// `ease` and `interval` come before `due`. `state` is learning, review or relearning;
    /// numbers are printed in full (shortest round-trip form); `due` is UTC to the second.
    public func jsonLine(kind: SchedulerKind) -> String {
        var line = "{\"card_id\": \(cardID), \"review_time\": \(reviewTime), \"state\": \""
        line += card.phase == .new ? "learning" : card.phase.rawValue
        line += "\", \"step\": " + Self.json(card.step.map { Double($0) })
        line += ", \"stability\": " + Self.json(card.stability)
        line += ", \"difficulty\": " + Self.json(card.difficulty)
        if kind == .sm2 {
            line += ", \"ease\": " + Self.json(card.ease)
            line += ", \"interval\": " + Self.json(card.interval)
        }
        line += ", \"due\": \"" + Self.iso8601(card.due) + "\"}"
        return line
    }

    /// A JSON number (integral values without a fraction) or `null`.
    static func json(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `date` as `YYYY-MM-DDTHH:MM:SSZ`, rounded down to the second.
    static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int64, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }
}
