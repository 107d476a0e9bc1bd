import Foundation

/// Renders a ``ReportDocument`` as Markdown made to print: at most 80 columns, pipe tables fitted
/// to the width, bars as text.
package enum MarkdownReportRenderer {
    package static let width = 80

    package static func render(_ doc: ReportDocument) -> String {
        var lines: [String] = TextLayout.wrap("# " + escape(doc.title), width: width)
        lines.append("")
        for f in doc.header {
            lines += TextLayout.wrap("**\(escape(f.label)):** \(escape(f.value))  ", width: width)
        }
        for section in doc.sections {
            lines += [""] + TextLayout.wrap("## " + escape(section.title), width: width)
            for block in section.blocks {
                lines.append("")
                switch block {
                case .paragraph(let text):
                    // Lines of a paragraph stay lines: a trailing backslash is a hard break.
                    let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                        escape(String($0))
                    }
                    for (n, part) in parts.enumerated() {
                        var wrapped = TextLayout.wrap(part, width: width - 1)
                        if n < parts.count - 1, let last = wrapped.popLast() { wrapped.append(last + "\\") }
                        lines += wrapped
                    }
                case .fields(let fields):
                    for f in fields {
                        lines += TextLayout.wrap(
                            "- **\(escape(f.label)):** \(escape(f.value))", width: width, indent: "  ")
                    }
                case .table(let t): lines += table(t)
                case .bars(let chart):
                    lines.append("**\(escape(chart.title))**")
                    lines.append("")
                    lines.append("```")
                    lines += Array(TextReportRenderer.bars(chart).dropFirst())
                    lines.append("```")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown-escaped, single-line, sanitised text.
    static func escape(_ text: String) -> String {
        var out = TextReportRenderer.clean(text).replacingOccurrences(of: "\n", with: " ")
        for ch in ["\\", "*", "_", "`", "|", "<", ">", "[", "]"] {
            out = out.replacingOccurrences(of: ch, with: "\\" + ch)
        }
        return out
    }

    static func table(_ t: ReportDocument.Table) -> [String] {
        let columns = t.columns.map(escapeCell)
        let rows = t.rows.map { $0.map(escapeCell) }
        // "| a | b |": 3 characters between columns, 2 at each edge.
        let widths = TextLayout.columnWidths(
            columns: columns, rows: rows, maxWidth: width - 4, gap: 3, minimum: 3)
        func line(_ cells: [String]) -> String {
            "| "
                + widths.indices.map { c in
                    var cell = TextLayout.truncate(c < cells.count ? cells[c] : "", widths[c])
                    // Never leave a lone escape.
                    if cell.hasSuffix("\\…") { cell = String(cell.dropLast(2)) + "…" }
                    return TextLayout.pad(cell, widths[c], right: c < t.numeric.count && t.numeric[c])
                }.joined(separator: " | ") + " |"
        }
        let rule =
            "|"
            + widths.indices.map { c in
                let numeric = c < t.numeric.count && t.numeric[c]
                return numeric
                    ? String(repeating: "-", count: widths[c] + 1) + ":"
                    : String(repeating: "-", count: widths[c] + 2)
            }.joined(separator: "|") + "|"
        return [line(columns), rule] + rows.map(line)
    }

    static func escapeCell(_ text: String) -> String {
        TextReportRenderer.clean(text).replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
    }
}
