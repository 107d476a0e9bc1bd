import Foundation

/// Renders a ``ReportDocument`` as plain text for printing: at most ``width`` columns, sections
/// underlined, tables fitted to the page (long cells wrap within their column), bars drawn with `#`.
package enum TextReportRenderer {
    /// The page width.
    package static let width = 80

    package static func render(_ doc: ReportDocument) -> String {
        var lines: [String] = []
        let title = TextLayout.truncate(clean(doc.title), width)
        lines += [title, String(repeating: "=", count: title.count)]
        lines += fields(doc.header)
        for section in doc.sections {
            let heading = TextLayout.truncate(clean(section.title), width)
            lines += ["", heading, String(repeating: "-", count: heading.count)]
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines += TextLayout.wrap(clean(text), width: width)
                case .fields(let f): lines += fields(f)
                case .table(let t): lines += table(t)
                case .bars(let chart): lines += bars(chart)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func clean(_ text: String) -> String {
        let shown = TerminalText.sanitize(text)
        return shown.utf8.contains(0x09) ? shown.replacingOccurrences(of: "\t", with: " ") : shown
    }

    static func fields(_ fields: [ReportDocument.Field]) -> [String] {
        let labelWidth = min(24, (fields.map { clean($0.label).count }.max() ?? 0) + 1)
        return fields.flatMap { f in
            let label = TextLayout.pad(clean(f.label) + ":", labelWidth) + " "
            return TextLayout.wrap(
                clean(f.value), width: width, firstIndent: label,
                indent: String(repeating: " ", count: label.count))
        }
    }

    static func table(_ t: ReportDocument.Table) -> [String] {
        let columns = t.columns.map(clean)
        let rows = t.rows.map { $0.map(clean) }
        let widths = TextLayout.columnWidths(columns: columns, rows: rows, maxWidth: width, gap: 2)
        // A cell too long for its column wraps onto more lines of its row; nothing is cut.
        func lines(_ cells: [String]) -> [String] {
            let wrapped = widths.indices.map { c in
                let cell = c < cells.count ? cells[c] : ""
                // Most cells fit on one line as they are (what the wrapper would return).
                if cell.utf8.last != 0x20, !cell.utf8.contains(0x0A), DisplayWidth.of(cell) <= widths[c] {
                    return [cell]
                }
                // A single word wider than the column (a long id) is the one thing cut.
                return TextLayout.wrap(cell, width: widths[c]).map { TextLayout.truncate($0, widths[c]) }
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { row in
                var line = widths.indices.map { c in
                    let cell = row < wrapped[c].count ? wrapped[c][row] : ""
                    return TextLayout.pad(cell, widths[c], right: c < t.numeric.count && t.numeric[c])
                }.joined(separator: "  ")
                while line.utf8.last == 0x20 { line.removeLast() }
                while let last = line.last, last.isWhitespace { line.removeLast() }
                return line
            }
        }
        var out = lines(columns) + [widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.flatMap(lines)
        return out
    }

    static func bars(_ chart: ReportDocument.BarChart) -> [String] {
        // Labels get the room they need (up to 44 columns); the bar takes what is left.
        let labelWidth = min(44, chart.bars.map { clean($0.label).count }.max() ?? 0)
        let captionWidth = chart.bars.map { clean($0.caption).count }.max() ?? 0
        let barWidth = max(10, min(30, width - 2 - labelWidth - 1 - 1 - 4 - 1 - captionWidth))
        var out = [clean(chart.title) + ":"]
        for bar in chart.bars {
            let filled = Int((max(0, min(100, bar.percent)) / 100 * Double(barWidth)).rounded())
            let drawn =
                String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
            let line =
                "  " + TextLayout.pad(TextLayout.truncate(clean(bar.label), labelWidth), labelWidth) + " "
                + drawn + " " + TextLayout.pad(ReportBuilder.pct(bar.percent), 4, right: true) + " "
                + clean(bar.caption)
            out.append(TextLayout.truncate(line, width))
        }
        return out
    }
}
