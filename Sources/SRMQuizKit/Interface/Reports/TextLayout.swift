/// Fitting text to a page width: word wrapping, truncation and table column widths.
package enum TextLayout {
    /// `text` wrapped at word boundaries to lines of at most `width` display columns, by the
    /// one wrapper (``TextWrap``): the first line starts with `firstIndent`, the rest with
    /// `indent`; words and URLs are never cut (one wider than the line stands alone on it).
    package static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "")
        -> [String]
    {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += TextWrap.wrapLine(
                String(paragraph), width: width, firstIndent: lines.isEmpty ? firstIndent : indent,
                indent: indent)
        }
        return lines
    }

    /// `text` cut to `width` characters, ending in `…` when cut.
    package static func truncate(_ text: String, _ width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Column widths for `columns` and `rows` that fit `maxWidth` with `gap` characters between
    /// columns: the widest column gives way first, never below `minimum` characters.
    package static func columnWidths(
        columns: [String], rows: [[String]], maxWidth: Int, gap: Int, minimum: Int = 4
    )
        -> [Int]
    {
        var widths = columns.indices.map { c in
            ([columns[c]] + rows.map { c < $0.count ? $0[c] : "" }).map { DisplayWidth.of($0) }.max() ?? 0
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
    package static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return right ? fill + text : text + fill
    }
}
