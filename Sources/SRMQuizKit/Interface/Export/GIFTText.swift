/// Moodle GIFT's escaping: `\` before `~ = # { } :` and the backslash itself, `\n` for a newline.
package enum GIFTText {
    /// The characters GIFT reserves, written with a backslash before them.
    package static let reserved: Set<Character> = ["\\", "~", "=", "#", "{", "}", ":"]

    /// `text` with every reserved character escaped and newlines written `\n` (CR dropped), so it
    /// fits on one line of a question.
    package static func escape(_ text: String) -> String {
        var out = ""
        for char in text.replacingOccurrences(of: "\r\n", with: "\n") {
            if char == "\r" { continue }
            if char == "\n" {
                out += "\\n"
            } else {
                if reserved.contains(char) { out.append("\\") }
                out.append(char)
            }
        }
        return out
    }

    // Escaped characters become private-use placeholders while a question is parsed, so that the
    // parser only ever sees unescaped markup (Moodle does the same with `&&058;` and friends).
    static let placeholders: [Character: Character] = [
        "\\": "\u{F8F0}", "~": "\u{F8F1}", "=": "\u{F8F2}", "#": "\u{F8F3}", "{": "\u{F8F4}",
        "}": "\u{F8F5}", ":": "\u{F8F6}", "n": "\u{F8F7}",
    ]
    static let restored: [Character: Character] = {
        var map: [Character: Character] = [:]
        for (char, placeholder) in placeholders { map[placeholder] = char == "n" ? "\n" : char }
        return map
    }()

    /// Replaces escape sequences with placeholders (a backslash before any other character stays).
    static func protect(_ text: String) -> String {
        var out = ""
        var escaping = false
        for char in text {
            if escaping {
                if let placeholder = placeholders[char] {
                    out.append(placeholder)
                } else {
                    out.append("\\")
                    out.append(char)
                }
                escaping = false
            } else if char == "\\" {
                escaping = true
            } else {
                out.append(char)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// Turns placeholders back into the characters they stand for.
    static func restore(_ text: String) -> String {
        String(text.map { restored[$0] ?? $0 })
    }
}
