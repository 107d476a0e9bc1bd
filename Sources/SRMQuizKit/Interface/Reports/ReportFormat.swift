/// The formats `srmquiz report` writes.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    /// Plain text for printing, at most 80 columns.
    case text
    /// Markdown for printing or a wiki, at most 80 columns.
    case markdown
    /// Comma-separated values, one block per table.
    case csv
    /// The report data as JSON, for scripts.
    case json
    /// One self-contained HTML page with print styles and bar charts.
    case html
}
