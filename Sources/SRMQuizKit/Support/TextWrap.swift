import Foundation

/// The one way srmquiz lays out text for a terminal or a text report: words wrapped at a width
/// measured in display columns (``DisplayWidth``), never broken inside a word or a URL.
///
/// - A line that fits is left alone.
/// - Continuation lines hang under the text of a list item: `  a) `, `1. `, `- `, `✓ `, or the
///   line's own leading spaces.
/// - A URL or a file path that does not fit where it falls goes on a line of its own, whole, so a
///   terminal can still open it and it can be copied; a word, URL or path wider than the line
///   stays whole and overflows.
/// - Colour codes take no width and stay attached to their words.
package enum TextWrap {
    /// `text` with every line wrapped at `width` columns.
    package static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width).joined(separator: "\n") }
            .joined(separator: "\n")
    }

    /// One line's text wrapped at `width`; the first row starts with `firstIndent`, the others with
    /// `indent` (by default: hanging under a list item's text, else the line's leading spaces).
    package static func wrapLine(_ line: String, width: Int, firstIndent: String = "", indent: String? = nil)
        -> [String]
    {
        if firstIndent.isEmpty, line.utf8.last != 0x20, DisplayWidth.of(line) <= width { return [line] }
        let full = firstIndent + line
        if DisplayWidth.of(full) <= width { return [trimTrailing(full)] }
        let leading = String(full.prefix { $0 == " " })
        let rest = full.dropFirst(leading.count)
        let hang = indent ?? (leading + hangingMarker(rest))
        let hangWidth = DisplayWidth.of(hang)
        var rows: [String] = []
        var row = leading
        var rowWidth = DisplayWidth.of(leading)
        var rowHasWord = false
        for token in rest.split(separator: " ", omittingEmptySubsequences: true) {
            let word = String(token)
            let w = DisplayWidth.of(word)
            let needed = rowHasWord ? rowWidth + 1 + w : rowWidth + w
            if needed <= width {
                row += (rowHasWord ? " " : "") + word
                rowWidth = needed
                rowHasWord = true
                continue
            }
            if rowHasWord { rows.append(row) }
            if keptWhole(word), hangWidth + w > width {
                // Whole, on a line of its own, from the first column.
                rows.append(word)
                row = hang
                rowWidth = hangWidth
                rowHasWord = false
                continue
            }
            row = hang + word
            rowWidth = hangWidth + w
            rowHasWord = true
        }
        if rowHasWord || rows.isEmpty { rows.append(row) }
        return rows.map(trimTrailing)
    }

    /// Whether `word` is a link or a file path (kept whole on a line of its own when it does not
    /// fit): `https://…`, `www.…`, `/…`, `~/…`, `./…`, `../…`, also in quotes or parentheses.
    package static func keptWhole(_ word: String) -> Bool {
        if word.contains("://") || word.hasPrefix("www.") { return true }
        let bare = word.drop { $0 == "'" || $0 == "\"" || $0 == "(" || $0 == "`" }
        return bare.count > 1
            && (bare.hasPrefix("/") || bare.hasPrefix("~/") || bare.hasPrefix("./") || bare.hasPrefix("../"))
    }

    /// The spaces that put continuation rows under the text of a list item that `text` starts with.
    static func hangingMarker(_ text: Substring) -> String {
        let markers = ["- ", "* ", "• ", "✓ ", "✗ ", "! "]
        for m in markers where text.hasPrefix(m) { return String(repeating: " ", count: DisplayWidth.of(m)) }
        // A label and its value column: "Due        3 now, …" hangs under the value.
        if let labelEnd = text.firstIndex(of: " "), text[labelEnd...].hasPrefix("  "),
            let valueStart = text[labelEnd...].firstIndex(where: { $0 != " " }),
            text.distance(from: text.startIndex, to: valueStart) <= 24
        {
            return String(repeating: " ", count: DisplayWidth.of(text[..<valueStart]))
        }
        // "a) ", "b) " … and "1. ", "12) ".
        var chars = text.makeIterator()
        var marker = ""
        while let c = chars.next() {
            marker.append(c)
            if c.isLetter || c.isNumber {
                if marker.count > 3 { return "" }
                continue
            }
            if c == ")" || c == ".", marker.count >= 2, chars.next() == " " {
                return String(repeating: " ", count: marker.count + 1)
            }
            return ""
        }
        return ""
    }

    private static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Kept for callers of the old name: `text` folded at `width` (the `indent` argument is the
    /// continuation indent of every line).
    package static func fold(_ text: String, width: Int, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map {
                wrapLine(String($0), width: width, indent: indent.isEmpty ? nil : indent).joined(
                    separator: "\n")
            }
            .joined(separator: "\n")
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    ///
    /// Pure Swift: Foundation's `trimmingCharacters(in:)` bridges through NSString and dominated
    /// bank loading.
    var trimmedWhitespace: String {
        func isSpace(_ c: Character) -> Bool {
            c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n"
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
