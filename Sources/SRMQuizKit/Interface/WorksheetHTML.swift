/// A ``Worksheet`` as one self-contained HTML page laid out for print: small type, questions kept
/// whole on a page, short choices in two columns, a name/class/date/score box, and for the key a
/// grid of answers at the top.
///
/// Every text is escaped; no scripts, no external assets.
package enum WorksheetHTML {
    /// Choices at most this long (and a question with at most four of them) go in two columns.
    package static let shortChoice = 38

    static let style = """
        @page{margin:12mm}
        body{font:9.5pt/1.28 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#000;margin:0 auto;max-width:48rem}
        h1{font-size:13pt;margin:0 0 2pt}.meta{font-size:8pt;color:#333;margin:0 0 4pt}
        table.box{width:100%;border-collapse:collapse;margin:0 0 5pt}
        table.box td{border:1px solid #000;padding:3pt 5pt;font-size:8.5pt;vertical-align:top;height:14pt}
        p.note{font-size:8.5pt;margin:0 0 4pt}
        ol.q{margin:0;padding-left:1.6em}ol.q>li{break-inside:avoid;page-break-inside:avoid;margin:0 0 5pt}
        .prompt{margin:0 0 1pt}
        ol.c{list-style:none;margin:0;padding:0}ol.c li{padding-left:1.5em;text-indent:-1.5em}
        ol.c.two{display:grid;grid-template-columns:1fr 1fr;column-gap:10pt}
        .grid{display:grid;grid-template-columns:repeat(10,1fr);gap:2pt;margin:0 0 6pt}
        .grid span{border:1px solid #000;padding:1pt 3pt;font-size:9pt;white-space:nowrap}
        ol.k{margin:0;padding-left:1.6em}ol.k>li{break-inside:avoid;margin:0 0 4pt}
        .ans{font-weight:600}
        """

    /// The sheet, or with `answerKey` the key.
    package static func render(_ sheet: Worksheet, answerKey: Bool) -> String {
        let title = answerKey ? "SRM quiz: answer key" : "SRM quiz: worksheet"
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<title>\(e(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        html += "<h1>\(e(title))</h1>\n"
        html +=
            "<p class=\"meta\">Seed \(sheet.seed) · Bank \(e(sheet.bankName)) · \(sheet.items.count) questions"
            + " (the same seed and bank make the same sheet)</p>\n"
        if answerKey {
            html += "<div class=\"grid\">"
            for (n, item) in sheet.items.enumerated() {
                html += "<span>\(n + 1) \(e(item.answerLetters.sorted().joined(separator: ",")))</span>"
            }
            html += "</div>\n<ol class=\"k\">\n"
            for item in sheet.items {
                html += "<li><span class=\"ans\">"
                html += e(ChoiceAnswer.describe(item.answerLetters.sorted(), choices: item.choices))
                html += "</span> — \(e(Worksheet.explanation(item)))</li>\n"
            }
            html += "</ol>\n"
        } else {
            html +=
                "<table class=\"box\"><tr><td style=\"width:40%\">Name</td><td style=\"width:22%\">Class</td>"
            html +=
                "<td style=\"width:20%\">Date</td><td>Score: &nbsp;&nbsp;&nbsp;&nbsp; / \(sheet.items.count)</td>"
            html += "</tr></table>\n"
            html +=
                "<p class=\"note\">Circle the letter of the best answer. Where a question says "
                + "“Choose TWO”, circle two letters.</p>\n<ol class=\"q\">\n"
            for item in sheet.items {
                let two = item.choices.count <= 4 && item.choices.allSatisfy { $0.count <= shortChoice }
                html += "<li><p class=\"prompt\">\(e(sheet.prompt(item)))</p>"
                html += "<ol class=\"c\(two ? " two" : "")\">"
                for (index, choice) in item.choices.enumerated() {
                    html += "<li>(\(ChoiceAnswer.letter(index))) \(e(choice))</li>"
                }
                html += "</ol></li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</body>\n</html>\n"
    }

    static func e(_ text: String) -> String { HTMLEscape.escape(text) }
}
