/// How many terminal columns text takes: wide characters (East Asian wide and full-width, emoji
/// shown as emoji) count 2, combining marks and other zero-width characters 0, escape sequences
/// (colour codes) nothing at all.
///
/// This is what the C library's `wcwidth` computes in a UTF-8 locale, done in Swift from the
/// Unicode properties and the East Asian Width ranges, because `wcwidth` answers -1 for every
/// non-ASCII character under the C locale that scripts, CI and `env -i` run with.
package enum DisplayWidth {
    /// The columns `text` takes on one line (newlines count 0).
    package static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 || byte == 0x1B {
            ascii = false
            break
        }
        if ascii { return text.utf8.count { $0 >= 0x20 && $0 < 0x7F } }
        var scalars = String(text).unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if c.value == 0x1B {
                skipEscape(&scalars)
                continue
            }
            total += width(of: c)
        }
        return total
    }

    /// The columns one scalar takes.
    package static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Skips the rest of an escape sequence whose ESC was just read.
    static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        if next == "[" {
            while let p = scalars.next(), !(0x40...0x7E).contains(p.value) {}
        } else if next == "]" {
            while let p = scalars.next(), p.value != 0x07, p.value != 0x1B {}
        }
    }
}
