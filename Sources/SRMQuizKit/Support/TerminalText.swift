/// Cleaning text from banks (which is untrusted) before it reaches a terminal.
public enum TerminalText {
    /// `text` with every terminal control sequence and control character removed (newlines and
    /// tabs kept).
    public static func sanitize(_ text: String) -> String { sanitize(text, keepingStyles: false) }

    /// `text` with terminal control sequences (CSI, OSC, other escapes) and control characters
    /// removed. Newlines and tabs are kept; carriage returns are dropped. With `keepingStyles`,
    /// colour and emphasis codes (`ESC [ digits ; … m`, which only change how text looks) stay:
    /// the terminal layer passes everything it prints through this, after its own styling.
    public static func sanitize(_ text: String, keepingStyles: Bool) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let c = pending {
            pending = scalars.next()
            switch c.value {
            case 0x1B:  // ESC
                guard let next = pending else { break }
                if next == "[" {  // CSI: parameters and intermediates, then a final byte 0x40-0x7E
                    var sequence = String.UnicodeScalarView([c, next])
                    pending = scalars.next()
                    while let p = pending, !(0x40...0x7E).contains(p.value) {
                        sequence.append(p)
                        pending = scalars.next()
                    }
                    if keepingStyles, pending == "m",
                        sequence.dropFirst(2).allSatisfy({ ("0"..."9").contains($0) || $0 == ";" })
                    {
                        out.append(contentsOf: sequence)
                        out.append("m")
                    }
                    pending = scalars.next()
                } else if next == "]" || next == "P" || next == "X" || next == "^" || next == "_" {
                    // OSC / DCS / SOS / PM / APC: up to BEL or ST (ESC \)
                    pending = scalars.next()
                    while let p = pending {
                        if p.value == 0x07 {
                            pending = scalars.next()
                            break
                        }
                        if p.value == 0x1B {
                            pending = scalars.next()
                            if pending == "\\" { pending = scalars.next() }
                            break
                        }
                        pending = scalars.next()
                    }
                } else {
                    pending = scalars.next()  // two-character escape
                }
            case 0x9B:  // 8-bit CSI
                while let p = pending, !(0x40...0x7E).contains(p.value) { pending = scalars.next() }
                pending = scalars.next()
            case 0x0A, 0x09:
                out.append(c)
            case 0x00...0x1F, 0x7F, 0x80...0x9F:
                continue
            default:
                out.append(c)
            }
        }
        return String(out)
    }
}
