import Foundation

/// Renders a ``ReportDocument`` as one self-contained HTML page: inline CSS (with `@media print`
/// rules), no scripts, no external assets, CSS bar charts, every text escaped.
package enum HTMLReportRenderer {
    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
        h1{font-size:1.6rem;border-bottom:2px solid #333}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}
        dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
        table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;vertical-align:top}
        td.num,th.num{text-align:right}th{background:#eee}
        .chart{margin:.5rem 0}.chart h3{font-size:1rem;margin:.6rem 0 .2rem}
        .bar{display:grid;grid-template-columns:14rem 1fr 6rem;align-items:center;gap:.5rem;font-size:.9rem}
        .track{background:#eee;height:.9rem;border:1px solid #999}.fill{background:#36c;height:100%}
        @media print{body{margin:0;max-width:none;font-size:10pt}section{break-inside:avoid-page}
        h2{break-after:avoid}table,.chart{break-inside:avoid}.fill{background:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        th{background:#fff}}
        """

    package static func render(_ doc: ReportDocument) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<title>\(escape(doc.title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        html += "<h1>\(escape(doc.title))</h1>\n" + fields(doc.header)
        for section in doc.sections {
            html += "<section>\n<h2>\(escape(section.title))</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    html += "<p>\(escape(text).replacingOccurrences(of: "\n", with: "<br>\n"))</p>\n"
                case .fields(let f): html += fields(f)
                case .table(let t): html += table(t)
                case .bars(let chart): html += bars(chart)
                }
            }
            html += "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// `text` escaped for HTML (``HTMLEscape/escape(_:layout:)``).
    static func escape(_ text: String) -> String { HTMLEscape.escape(text) }

    static func fields(_ fields: [ReportDocument.Field]) -> String {
        "<dl>\n" + fields.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd>\n" }.joined()
            + "</dl>\n"
    }

    static func table(_ t: ReportDocument.Table) -> String {
        func cls(_ c: Int) -> String { c < t.numeric.count && t.numeric[c] ? " class=\"num\"" : "" }
        var html = "<table>\n<thead><tr>"
        html += t.columns.indices.map { "<th\(cls($0))>\(escape(t.columns[$0]))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in t.rows {
            html += "<tr>" + row.indices.map { "<td\(cls($0))>\(escape(row[$0]))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    static func bars(_ chart: ReportDocument.BarChart) -> String {
        var html = "<div class=\"chart\">\n<h3>\(escape(chart.title))</h3>\n"
        for bar in chart.bars {
            let width = String(format: "%.1f", max(0, min(100, bar.percent)))
            html +=
                "<div class=\"bar\"><span>\(escape(bar.label))</span>"
                + "<div class=\"track\" role=\"img\" aria-label=\"\(escape(ReportBuilder.pct(bar.percent)))\">"
                + "<div class=\"fill\" style=\"width:\(width)%\"></div></div>"
                + "<span>\(escape(ReportBuilder.pct(bar.percent))) (\(escape(bar.caption)))</span></div>\n"
        }
        return html + "</div>\n"
    }
}
