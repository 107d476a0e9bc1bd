/// Making untrusted text (banks, player names, file names, typed answers) safe for a terminal.
///
/// The one sanitiser at the output boundary: every control character, every escape sequence and
/// every bidirectional override is *shown* instead of acted on, so a bank that hides
/// `ESC ] 52 ; c ; … BEL` (clipboard write), `ESC [ 2 J` (clear screen) or U+202E (right-to-left
/// override) in a field prints harmless, visible text:
/// - C0 controls and DEL in caret notation: ESC is `^[`, BEL `^G`, NUL `^@`, CR `^M`, DEL `^?`
///   (the rest of an escape sequence is ordinary printable text and stays as it is);
/// - C1 controls (U+0080–U+009F, such as the 8-bit CSI U+009B), bidirectional controls (U+061C,
///   U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
///   (U+2028, U+2029) as `\u{9B}`-style escapes.
///
/// Newlines and tabs are kept.
package enum TerminalText {
    /// `text` with every control character, escape sequence and bidirectional control shown
    /// visibly (newlines and tabs kept).
    package static func sanitize(_ text: String) -> String { sanitize(text, keepingStyles: false) }

    /// `text` with every control character shown visibly.
    ///
    /// With `keepingStyles`, colour and emphasis codes (`ESC [ digits ; … m`, which only change how
    /// text looks) stay: the terminal layer passes everything it prints through this, after its own
    /// styling (untrusted text was sanitised before it was styled, so it holds no raw ESC any
    /// more).
    package static func sanitize(_ text: String, keepingStyles: Bool) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            if keepingStyles, c.value == 0x1B, let end = styleEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if needsEscape(c) {
                out.append(contentsOf: visible(c).unicodeScalars)
            } else {
                out.append(c)
            }
            index += 1
        }
        return String(out)
    }

    /// Whether `text` holds anything ``sanitize(_:)`` would change.
    package static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: needsEscape)
    }

    /// Whether `scalar` must not reach a terminal as it is.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The visible form of a character that ``needsEscape(_:)``: `^[` for ESC, `\u{9B}` for CSI.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: "^?"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// The index of the `m` ending a style code (`ESC [ digits ; … m`) that starts at `start`.
    private static func styleEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == ";" {
            index += 1
        }
        return index < scalars.count && scalars[index] == "m" ? index : nil
    }
}
