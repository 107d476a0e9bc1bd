import Foundation

/// Word wrapping for plain (uncoloured) terminal text.
public enum TextWrap {
    /// `text` with each paragraph (line) folded at spaces so no line exceeds `width` characters;
    /// continuation lines start with `indent`. A word longer than the line stays whole.
    public static func fold(_ text: String, width: Int, indent: String = "") -> String {
        guard width > indent.count + 10 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            foldLine(String(line), width: width, indent: indent)
        }.joined(separator: "\n")
    }

    private static func foldLine(_ line: String, width: Int, indent: String) -> String {
        guard line.count > width else { return line }
        // Keep the line's own leading spaces (e.g. "  a) ") for its first row.
        var lines: [String] = []
        let leading = String(line.prefix { $0 == " " })
        var current = leading
        for word in line.dropFirst(leading.count).split(separator: " ") {
            let candidate = current.trimmingCharacters(in: .whitespaces).isEmpty ? current + word : current + " " + word
            if candidate.count > width, !current.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString and dominated bank loading.
    var trimmedWhitespace: String {
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
