/// Turns items into the text of one file format.
///
/// Pure: no I/O.
package protocol ItemExporter: Sendable {
    /// The file text for `items`, and the items the format cannot hold.
    func export(_ items: [Item]) -> ExportOutput
}

/// What an exporter produced.
package struct ExportOutput: Sendable, Hashable {
    /// The file's text.
    package var text: String
    /// Items left out, each with the reason.
    package var skipped: [SkippedItem]

    package init(text: String, skipped: [SkippedItem] = []) {
        self.text = text
        self.skipped = skipped
    }

    /// The skip reasons with how many items each one left out, most frequent first.
    package var skipSummary: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for item in skipped { counts[item.reason, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }
}

/// An item a format cannot hold.
package struct SkippedItem: Sendable, Hashable {
    package var id: String
    package var reason: String

    package init(id: String, reason: String) {
        self.id = id
        self.reason = reason
    }
}
