import Foundation

/// What happened in a session so far: answers, accuracy by tag, what was missed.
public struct SessionStats: Sendable, Hashable {
    /// Answers and right answers in one group.
    public struct Tally: Sendable, Hashable {
        public var answered = 0
        public var correct = 0
        public init(answered: Int = 0, correct: Int = 0) {
            self.answered = answered
            self.correct = correct
        }
        /// Right answers as a fraction of all, 0 when none.
        public var accuracy: Double { answered == 0 ? 0 : Double(correct) / Double(answered) }
    }

    public var startedAt: Date
    public var answered = 0
    public var correct = 0
    public var skipped = 0
    /// By `owner:` tag value.
    public var byOwner: [String: Tally] = [:]
    /// By `service:` tag value.
    public var byService: [String: Tally] = [:]
    /// By `kind:` tag value (else the item's kind).
    public var byKind: [String: Tally] = [:]
    /// Items answered wrongly (or rated Again), first miss first, each once.
    public var missed: [String] = []
    /// Ratings given, by rating.
    public var ratings: [Rating: Int] = [:]

    public init(startedAt: Date) {
        self.startedAt = startedAt
    }

    /// Right answers as a fraction of all answers, 0 when none.
    public var accuracy: Double { answered == 0 ? 0 : Double(correct) / Double(answered) }

    /// Counts one answer to `item`. Self-rated answers count as right unless rated Again.
    public mutating func count(_ item: Item, correct: Bool, rating: Rating) {
        answered += 1
        if correct { self.correct += 1 }
        ratings[rating, default: 0] += 1
        func add(_ table: inout [String: Tally], _ keys: [String]) {
            for key in keys {
                table[key, default: Tally()].answered += 1
                if correct { table[key, default: Tally()].correct += 1 }
            }
        }
        add(&byOwner, item.values(of: "owner"))
        add(&byService, item.values(of: "service"))
        let kinds = item.values(of: "kind")
        add(&byKind, kinds.isEmpty ? [item.kind.rawValue] : kinds)
        if !correct, !missed.contains(item.id) { missed.append(item.id) }
    }
}
