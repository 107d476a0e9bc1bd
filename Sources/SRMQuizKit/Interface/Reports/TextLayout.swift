/// Fitting text to a page width: word wrapping, truncation and table column widths.
public enum TextLayout {
    /// `text` wrapped at word boundaries to lines of at most `width` characters; the first line
    /// starts with `firstIndent`, the rest with `indent`. Words longer than a line are cut.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "")
        -> [String]
    {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? firstIndent : indent
            var lineHasWord = false
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                let prefix = lineHasWord ? line + " " : line
                if prefix.count + w.count <= width {
                    line = prefix + w
                    lineHasWord = true
                    continue
                }
                if lineHasWord {
                    lines.append(line)
                    line = indent
                }
                while line.count + w.count > width {
                    let room = max(1, width - line.count)
                    lines.append(line + w.prefix(room))
                    w = String(w.dropFirst(room))
                    line = indent
                }
                line += w
                lineHasWord = !w.isEmpty
            }
            lines.append(line)
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// `text` cut to `width` characters, ending in `…` when cut.
    public static func truncate(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Column widths for `columns` and `rows` that fit `maxWidth` with `gap` characters between
    /// columns: the widest column gives way first, never below `minimum` characters.
    public static func columnWidths(
        columns: [String], rows: [[String]], maxWidth: Int, gap: Int, minimum: Int = 4
    )
        -> [Int]
    {
        var widths = columns.indices.map { c in
            ([columns[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(\.count).max() ?? 0
        }
        func total() -> Int { widths.reduce(0, +) + gap * max(0, widths.count - 1) }
        while total() > maxWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimum
            else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// `text` padded to `width` on the right (or the left when `right` is true).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
