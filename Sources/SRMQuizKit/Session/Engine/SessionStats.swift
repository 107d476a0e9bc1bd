import Foundation

/// What happened in a session so far: answers, accuracy by tag, what was missed.
package struct SessionStats: Sendable, Hashable {
    package var startedAt: Date
    /// Every answer, graded or self-rated.
    package var answered = 0
    package var skipped = 0
    /// Right graded answers among graded ones, self-rated flashcards apart (``Accuracy``).
    package var accuracy = Accuracy()
    /// Accuracy by `owner:` tag value.
    package var byOwner: [String: Accuracy] = [:]
    /// Accuracy by `service:` tag value.
    package var byService: [String: Accuracy] = [:]
    /// Accuracy by `kind:` tag value (else the item's kind).
    package var byKind: [String: Accuracy] = [:]
    /// Items answered wrongly (or rated Again), first miss first, each once.
    package var missed: [String] = []
    /// Ratings given, by rating.
    package var ratings: [Rating: Int] = [:]

    package init(startedAt: Date) {
        self.startedAt = startedAt
    }

    /// Right graded answers.
    package var correct: Int { accuracy.correct }

    /// Counts one answer to `item`: `correct` is `nil` for a self-rated flashcard, which stays
    /// out of accuracy (and counts as missed only when rated Again).
    package mutating func count(_ item: Item, correct: Bool?, rating: Rating) {
        answered += 1
        accuracy.count(correct)
        ratings[rating, default: 0] += 1
        func add(_ table: inout [String: Accuracy], _ keys: [String]) {
            for key in keys { table[key, default: Accuracy()].count(correct) }
        }
        add(&byOwner, item.values(of: "owner"))
        add(&byService, item.values(of: "service"))
        let kinds = item.values(of: "kind")
        add(&byKind, kinds.isEmpty ? [item.kind.rawValue] : kinds)
        if !(correct ?? (rating != .again)), !missed.contains(item.id) { missed.append(item.id) }
    }
}
