/// Turns the HTML of an imported question (GIFT's `[html]` format, which Moodle's own export puts on
/// almost every question) into plain text: tags removed, `<br>`, `<p>`, `<div>` and `<li>` made line
/// breaks, character entities decoded, runs of spaces collapsed.
package enum HTMLText {
    /// Block tags that end a line (a paragraph adds a blank line).
    static let lineTags: Set<String> = ["br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"]
    static let paragraphTags: Set<String> = ["p", "ul", "ol", "table", "blockquote", "pre"]
    /// Tags whose content is never text.
    static let hiddenTags: Set<String> = ["script", "style", "head"]

    /// The plain text of `html`.
    package static func plain(_ html: String) -> String {
        var out = ""
        var hidden: String?
        var index = html.startIndex
        while index < html.endIndex {
            let char = html[index]
            if char == "<", startsTag(html, after: index), let close = html[index...].firstIndex(of: ">") {
                let inner = html[html.index(after: index)..<close]
                let name = tagName(inner)
                index = html.index(after: close)
                if let open = hidden {
                    if inner.hasPrefix("/"), name == open { hidden = nil }
                    continue
                }
                if hiddenTags.contains(name), !inner.hasPrefix("/") {
                    hidden = name
                } else if paragraphTags.contains(name) {
                    out += "\n\n"
                } else if lineTags.contains(name) {
                    out += "\n"
                }
                continue
            }
            index = html.index(after: index)
            if hidden != nil { continue }
            if char == "&", let (decoded, next) = entity(in: html, at: index) {
                out += decoded
                index = next
                continue
            }
            out.append(char.isNewline ? " " : char)
        }
        return tidy(out)
    }

    /// Whether the `<` at `index` opens a tag (a letter, `/` or `!` follows), not a less-than sign.
    static func startsTag(_ text: String, after index: String.Index) -> Bool {
        let next = text.index(after: index)
        guard next < text.endIndex else { return false }
        let char = text[next]
        return char.isLetter || char == "/" || char == "!"
    }

    /// `p` for `p class="x"`, `/p` → `p`, `br/` → `br`, lower-cased.
    static func tagName(_ inner: Substring) -> String {
        let name = inner.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
        return name.lowercased()
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–",
        "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "copy": "©", "reg": "®", "trade": "™", "eacute": "é", "egrave": "è", "agrave": "à",
        "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "times": "×", "deg": "°", "middot": "·",
        "laquo": "«", "raquo": "»", "euro": "€", "shy": "",
    ]

    /// The character of the entity whose `&` is just before `start`, and the index after its `;`.
    static func entity(in text: String, at start: String.Index) -> (String, String.Index)? {
        guard let semicolon = text[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let body = text[start..<semicolon]
        let next = text.index(after: semicolon)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (value == 0xA0 ? " " : String(Character(scalar)), next)
        }
        guard let decoded = named[String(body)] else { return nil }
        return (decoded, next)
    }

    /// Spaces collapsed within lines, lines trimmed, at most one blank line in a row, ends trimmed.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
