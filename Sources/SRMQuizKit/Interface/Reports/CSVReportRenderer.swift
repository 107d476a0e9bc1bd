import Foundation

/// Renders a ``ReportDocument``'s tables, fields and bars as CSV (RFC 4180): each block is a
/// header row then data rows, the first column naming the section; a blank line separates blocks.
public enum CSVReportRenderer {
    public static func render(_ doc: ReportDocument) -> String {
        var blocks: [[[String]]] = [
            [["section", "field", "value"]] + doc.header.map { ["header", $0.label, $0.value] }
        ]
        for section in doc.sections {
            for block in section.blocks {
                switch block {
                case .paragraph(let text): blocks.append([["section", "text"], [section.title, text]])
                case .fields(let fields):
                    blocks.append(
                        [["section", "field", "value"]] + fields.map { [section.title, $0.label, $0.value] })
                case .table(let t):
                    blocks.append([["section"] + t.columns] + t.rows.map { [section.title] + $0 })
                case .bars(let chart):
                    blocks.append(
                        [["section", "chart", "label", "percent", "count"]]
                            + chart.bars.map {
                                [
                                    section.title, chart.title, $0.label, String(Int($0.percent.rounded())),
                                    $0.caption,
                                ]
                            })
                }
            }
        }
        return blocks.map { rows in
            rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n")
        }
        .joined(separator: "\r\n\r\n") + "\r\n"
    }

    /// A CSV field, quoted when needed. Cells starting with `=`, `+`, `-` or `@` that are not
    /// numbers get a leading `'` so spreadsheets do not run them as formulas.
    static func field(_ raw: String) -> String {
        var text = TerminalText.sanitize(raw)
        if let first = text.first, "=+-@".contains(first), Double(text) == nil, text != "-" {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
