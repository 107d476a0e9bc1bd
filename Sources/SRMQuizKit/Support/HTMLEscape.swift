/// The one HTML escape of the project: reports, printed worksheets and Anki notes go through it.
package enum HTMLEscape {
    /// How line breaks and tabs are written.
    package enum Layout: Sendable {
        /// Kept as they are (text inside an element, where the page's CSS decides).
        case asIs
        /// One line of HTML: each line break (CRLF, CR or LF) becomes `<br>`, a tab `&#9;`
        /// (Anki's note fields, which may not hold a raw tab or newline).
        case singleLine
    }

    /// `text` with `& < > " '` escaped and terminal control characters removed
    /// (``TerminalText/sanitize(_:)``), so bank text cannot open a tag or an attribute.
    package static func escape(_ text: String, layout: Layout = .asIs) -> String {
        var source = text
        if layout == .singleLine {
            source = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                of: "\r", with: "\n")
        }
        var out = ""
        out.reserveCapacity(source.utf8.count)
        for ch in TerminalText.sanitize(source) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t" where layout == .singleLine: out += "&#9;"
            case "\n" where layout == .singleLine: out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }
}
