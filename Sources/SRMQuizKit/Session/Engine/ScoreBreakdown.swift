/// Right and total answers grouped by the value of one tag (`owner`, `category`, `service`,
/// `kind`), for the end of an exam and for reports.
package struct ScoreBreakdown: Sendable, Hashable, Codable {
    /// One group: a tag value and its counts.
    package struct Row: Sendable, Hashable, Codable {
        package var label: String
        package var correct: Int
        package var total: Int
        package init(label: String, correct: Int, total: Int) {
            self.label = label
            self.correct = correct
            self.total = total
        }
        /// Accuracy as a percentage (0 when empty).
        package var percent: Double { total == 0 ? 0 : Double(correct) * 100 / Double(total) }
    }

    /// The tag name grouped by, such as `owner`.
    package var dimension: String
    /// The groups, sorted by label.
    package var rows: [Row]

    package init(dimension: String, rows: [Row]) {
        self.dimension = dimension
        self.rows = rows
    }

    /// Groups `answers` (each the tags of an item and whether it was answered right) by the values
    /// of tag `dimension`; answers without the tag go to `unknown`.
    ///
    /// An item with two values (two services) counts in both groups.
    package static func make(dimension: String, answers: [(tags: [String], correct: Bool)]) -> ScoreBreakdown
    {
        make(
            dimension: dimension,
            tallies: answers.map { (tags: $0.tags, correct: $0.correct ? 1 : 0, total: 1) })
    }

    /// Like ``make(dimension:answers:)``, with the answers already counted per item: each
    /// tally is an item's tags, its right answers and all its answers.
    package static func make(dimension: String, tallies: [(tags: [String], correct: Int, total: Int)])
        -> ScoreBreakdown
    {
        var counts: [String: (Int, Int)] = [:]
        let prefix = dimension + ":"
        for tally in tallies where tally.total > 0 {
            var values = tally.tags.compactMap {
                $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil
            }
            if values.isEmpty { values = ["unknown"] }
            for value in Set(values) {
                let old = counts[value] ?? (0, 0)
                counts[value] = (old.0 + tally.correct, old.1 + tally.total)
            }
        }
        let rows = counts.map { Row(label: $0.key, correct: $0.value.0, total: $0.value.1) }
            .sorted { $0.label < $1.label }
        return ScoreBreakdown(dimension: dimension, rows: rows)
    }

    /// Tags for `item`, with `kind:` added from the item's kind when the bank gave none.
    package static func tags(of item: Item) -> [String] {
        item.tags.contains { $0.hasPrefix("kind:") } ? item.tags : item.tags + ["kind:\(item.kind.rawValue)"]
    }
}
