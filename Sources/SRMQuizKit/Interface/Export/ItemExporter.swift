/// Turns items into the text of one file format. Pure: no I/O.
public protocol ItemExporter: Sendable {
    /// The file text for `items`, and the items the format cannot hold.
    func export(_ items: [Item]) -> ExportOutput
}

/// What an exporter produced.
public struct ExportOutput: Sendable, Hashable {
    /// The file's text.
    public var text: String
    /// Items left out, each with the reason.
    public var skipped: [SkippedItem]

    public init(text: String, skipped: [SkippedItem] = []) {
        self.text = text
        self.skipped = skipped
    }

    /// The skip reasons with how many items each one left out, most frequent first.
    public var skipSummary: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for item in skipped { counts[item.reason, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }
}

/// An item a format cannot hold.
public struct SkippedItem: Sendable, Hashable {
    public var id: String
    public var reason: String

    public init(id: String, reason: String) {
        self.id = id
        self.reason = reason
    }
}
