import Foundation

/// A card's state after one review of a replayed log.
package struct ReplayedReview: Sendable, Hashable {
    package var cardID: Int64
    /// Milliseconds since the Unix epoch.
    package var reviewTime: Int64
    /// The card after the review.
    package var card: Card

    package init(cardID: Int64, reviewTime: Int64, card: Card) {
        self.cardID = cardID
        self.reviewTime = reviewTime
        self.card = card
    }

    /// One JSON object on one line, keys in a fixed order:
    /// `{"card_id": 7, "review_time": 1767600000000, "state": "learning", "step": 0, "stability": 2.3065, "difficulty": 2.1181, "due": "2026-01-05T09:10:00Z"}`;
    /// for SM-2 `ease` and `interval` come before `due`.
    ///
    /// `state` is learning, review or relearning; numbers are printed in full (shortest round-trip
    /// form); `due` is UTC to the second.
    package func jsonLine(kind: SchedulerKind) -> String {
        var line = "{\"card_id\": \(cardID), \"review_time\": \(reviewTime), \"state\": \""
        line += card.phase == .new ? "learning" : card.phase.rawValue
        line += "\", \"step\": " + Self.json(card.step.map { Double($0) })
        line += ", \"stability\": " + Self.json(card.stability)
        line += ", \"difficulty\": " + Self.json(card.difficulty)
        if kind == .sm2 {
            line += ", \"ease\": " + Self.json(card.ease)
            line += ", \"interval\": " + Self.json(card.interval)
        }
        line += ", \"due\": \"" + Timestamp.wholeSeconds(card.due) + "\"}"
        return line
    }

    /// A JSON number (integral values without a fraction) or `null`.
    static func json(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

}
