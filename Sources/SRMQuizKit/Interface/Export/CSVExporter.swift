/// RFC 4180 CSV: a header row `id,kind,prompt,choices,answers,explanation,nuance,tags,sources`,
/// then one row per item; lists are joined with ` | `; rows end in CRLF.
///
/// Cells a spreadsheet would run as a formula get a leading `'` (``CSVCodec/defused(_:)``), which
/// ``CSVImporter`` takes off.
package struct CSVExporter: ItemExporter {
    /// The header row's column names, in order.
    package static let columns = [
        "id", "kind", "prompt", "choices", "answers", "explanation", "nuance", "tags", "sources",
    ]
    /// What joins the values of a list column.
    package static let listSeparator = " | "

    package init() {}

    package func export(_ items: [Item]) -> ExportOutput {
        var text = CSVCodec.row(Self.columns)
        for item in items {
            text += CSVCodec.row(
                [
                    item.id, item.kind.rawValue, item.prompt,
                    item.choices.joined(separator: Self.listSeparator),
                    item.answers.joined(separator: Self.listSeparator),
                    item.explanation, item.nuance ?? "",
                    item.tags.joined(separator: Self.listSeparator),
                    item.sources.joined(separator: Self.listSeparator),
                ], guardFormulas: true)
        }
        return ExportOutput(text: text)
    }
}
