import Foundation

/// What went wrong while reading a progress file with ``ProgressJSONParser``: a syntax error at a
/// byte offset, or a field that is missing or holds the wrong kind of value.
enum ProgressReadError: Error {
    case syntax(offset: Int, message: String)
    case missing(field: String)
    case invalid(field: String, message: String)

    /// The error as a ``ProgressError`` naming `file`; syntax errors get the line and column of
    /// their offset in `bytes`.
    func progressError(file: String, bytes: UnsafeBufferPointer<UInt8>) -> ProgressError {
        switch self {
        case .syntax(let offset, let message):
            var line = 1
            var column = 1
            for byte in bytes.prefix(min(offset, bytes.count)) {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return .invalidJSON(file: file, line: line, column: column, message: message)
        case .missing(let field):
            return .missingField(file: file, field: field)
        case .invalid(let field, let message):
            return .invalidField(file: file, field: field, message: message)
        }
    }
}

/// A strict JSON (RFC 8259) parser over UTF-8 bytes that decodes values in place, without
/// building a tree: the caller walks objects and arrays and asks for the values it expects.
/// Whitespace and key order are free, unknown values are skipped (and checked), strings must be
/// valid UTF-8 and escapes valid. Field paths for errors are built only when an error is thrown.
struct ProgressJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index: Int
    /// How deeply nested the value being skipped is (bounded, so hostile input cannot exhaust the
    /// stack).
    private var depth = 0
    private static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    // MARK: Bytes

    func syntax(_ message: String, at offset: Int? = nil) -> ProgressReadError {
        .syntax(offset: offset ?? index, message: message)
    }

    mutating func skipSpace() {
        while index < bytes.count {
            let b = bytes[index]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            index += 1
        }
    }

    /// Skips whitespace and returns the next byte without consuming it.
    mutating func peek() throws(ProgressReadError) -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw syntax("unexpected end of the file") }
        return bytes[index]
    }

    /// Skips whitespace and consumes `byte`.
    mutating func expect(_ byte: UInt8, _ what: String) throws(ProgressReadError) {
        let found = try peek()
        guard found == byte else { throw syntax("expected \(what), found \(describe(found))") }
        index += 1
    }

    /// Checks that nothing but whitespace follows.
    mutating func expectEnd() throws(ProgressReadError) {
        skipSpace()
        if index < bytes.count {
            throw syntax("unexpected \(describe(bytes[index])) after the end of the data")
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    /// What kind of value starts at the next byte, for "expected …" messages.
    mutating func kindOfNextValue() -> String {
        skipSpace()
        guard index < bytes.count else { return "nothing" }
        switch bytes[index] {
        case 0x7B: return "an object"
        case 0x5B: return "an array"
        case 0x22: return "a string"
        case 0x74, 0x66: return "true or false"
        case 0x6E: return "null"
        default: return "a number"
        }
    }

    // MARK: Objects and arrays

    /// Reads an object, calling `member` with each key; `member` must read the value.
    mutating func object(
        path: () -> String, _ member: (inout ProgressJSONParser, Key) throws(ProgressReadError) -> Void
    ) throws(ProgressReadError) {
        guard try peek() == 0x7B else {
            throw .invalid(field: path(), message: "expected an object, found \(kindOfNextValue())")
        }
        index += 1
        if try peek() == 0x7D {
            index += 1
            return
        }
        while true {
            guard try peek() == 0x22 else { throw syntax("expected a key in quotes") }
            let key = try key()
            try expect(0x3A, "':' after a key")
            try member(&self, key)
            let next = try peek()
            index += 1
            if next == 0x7D { return }
            guard next == 0x2C else { throw syntax("expected ',' or '}' in an object", at: index - 1) }
        }
    }

    /// Reads an array, calling `element` with each index; `element` must read the value.
    mutating func array(
        path: () -> String, _ element: (inout ProgressJSONParser, Int) throws(ProgressReadError) -> Void
    ) throws(ProgressReadError) {
        guard try peek() == 0x5B else {
            throw .invalid(field: path(), message: "expected an array, found \(kindOfNextValue())")
        }
        index += 1
        if try peek() == 0x5D {
            index += 1
            return
        }
        var n = 0
        while true {
            try element(&self, n)
            n += 1
            let next = try peek()
            index += 1
            if next == 0x5D { return }
            guard next == 0x2C else { throw syntax("expected ',' or ']' in an array", at: index - 1) }
        }
    }

    /// Consumes `null` if it is next; used for optional fields (null reads as absent).
    mutating func null() throws(ProgressReadError) -> Bool {
        guard try peek() == 0x6E else { return false }
        try literal("null")
        return true
    }

    // MARK: Keys and strings

    /// An object key: its bytes in the file, or the decoded bytes if it had escapes.
    struct Key {
        var start: Int
        var end: Int
        var decoded: [UInt8]?

        /// Whether the key is `name` (ASCII).
        func `is`(_ name: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = name.utf8CodeUnitCount
            if let decoded {
                return decoded.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: count))
            }
            guard end - start == count else { return false }
            guard let base = bytes.baseAddress else { return count == 0 }
            return memcmp(base + start, name.utf8Start, count) == 0
        }

        func string(in bytes: UnsafeBufferPointer<UInt8>) -> String {
            if let decoded { return String(decoding: decoded, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    private mutating func key() throws(ProgressReadError) -> Key {
        let (start, end, escaped) = try rawString()
        if escaped { return Key(start: start, end: end, decoded: try unescape(start, end)) }
        return Key(start: start, end: end, decoded: nil)
    }

    /// Reads a string (the opening quote is next), validating escapes and control characters;
    /// returns the range of its content and whether it has escapes.
    mutating func rawString() throws(ProgressReadError) -> (start: Int, end: Int, escaped: Bool) {
        let start = index + 1
        var i = start
        var escaped = false
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b == 0x22 {
                index = i + 1
                if !escaped, !Self.validUTF8(UnsafeBufferPointer(rebasing: bytes[start..<i])) {
                    throw syntax("a string is not valid UTF-8", at: start)
                }
                return (start, i, escaped)
            }
            if b == 0x5C {
                escaped = true
                guard i + 1 < count else { break }
                switch bytes[i + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 2
                case 0x75:
                    guard i + 5 < count, (2...5).allSatisfy({ Self.hex(bytes[i + $0]) != nil }) else {
                        throw syntax("expected four hex digits after \\u", at: i)
                    }
                    i += 6
                default: throw syntax("invalid escape in a string", at: i)
                }
                continue
            }
            if b < 0x20 { throw syntax("unescaped control character in a string", at: i) }
            i += 1
        }
        throw syntax("unterminated string", at: start - 1)
    }

    /// Reads a string value.
    mutating func string(path: () -> String) throws(ProgressReadError) -> String {
        guard try peek() == 0x22 else {
            throw .invalid(field: path(), message: "expected a string, found \(kindOfNextValue())")
        }
        let (start, end, escaped) = try rawString()
        if escaped { return String(decoding: try unescape(start, end), as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Reads a string value and returns the range of its bytes, which must have no escapes
    /// (used for timestamps and names from a fixed set); `nil` for a string with escapes.
    mutating func plainString(path: () -> String) throws(ProgressReadError) -> (start: Int, end: Int)? {
        guard try peek() == 0x22 else {
            throw .invalid(field: path(), message: "expected a string, found \(kindOfNextValue())")
        }
        let (start, end, escaped) = try rawString()
        return escaped ? nil : (start, end)
    }

    private static func hex(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    private static func validUTF8(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in text where b >= 0x80 {
            return String(validating: text, as: UTF8.self) != nil
        }
        return true
    }

    /// The decoded UTF-8 of the string content in `start..<end` (already checked by `rawString`).
    private func unescape(_ start: Int, _ end: Int) throws(ProgressReadError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 << 4 | (Self.hex(bytes[at + $1]) ?? 0) }
        }
        while i < end {
            let b = bytes[i]
            guard b == 0x5C else {
                out.append(b)
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = hex4(i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 6 <= end, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else {
                        throw syntax("unpaired surrogate in a \\u escape", at: i - 6)
                    }
                    let low = hex4(i + 2)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw syntax("unpaired surrogate in a \\u escape", at: i - 6)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw syntax("unpaired surrogate in a \\u escape", at: i - 6)
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw syntax("invalid \\u escape", at: i - 6)
                }
                out.append(contentsOf: UTF8.encode(unicode)!)
            default: out.append(e)  // " \ /
            }
        }
        guard String(validating: out, as: UTF8.self) != nil else {
            throw syntax("a string is not valid UTF-8", at: start)
        }
        return out
    }

    // MARK: Numbers and literals

    /// Reads a number and returns the range of its text (JSON number grammar).
    private mutating func numberToken() throws(ProgressReadError) -> (start: Int, end: Int, integer: Bool) {
        let start = index
        var i = index
        let count = bytes.count
        var integer = true
        func digits() -> Int {
            let from = i
            while i < count, bytes[i] &- 0x30 < 10 { i += 1 }
            return i - from
        }
        if i < count, bytes[i] == 0x2D { i += 1 }
        guard i < count, bytes[i] &- 0x30 < 10 else { throw syntax("invalid value", at: start) }
        if bytes[i] == 0x30 {
            i += 1
        } else {
            _ = digits()
        }
        if i < count, bytes[i] == 0x2E {
            i += 1
            integer = false
            guard digits() > 0 else { throw syntax("expected digits after '.' in a number", at: i) }
        }
        if i < count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            integer = false
            if i < count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            guard digits() > 0 else { throw syntax("expected digits in a number's exponent", at: i) }
        }
        index = i
        return (start, i, integer)
    }

    private func doubleValue(_ start: Int, _ end: Int) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// Reads an integer (a number with an integral value that fits in `Int`).
    mutating func int(path: () -> String) throws(ProgressReadError) -> Int {
        let first = try peek()
        guard first == 0x2D || first &- 0x30 < 10 else {
            throw .invalid(field: path(), message: "expected an integer, found \(kindOfNextValue())")
        }
        let (start, end, integer) = try numberToken()
        if integer && end - start <= 18 {
            var negative = false
            var i = start
            if bytes[i] == 0x2D {
                negative = true
                i += 1
            }
            var v = 0
            while i < end {
                v = v * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return negative ? -v : v
        }
        guard let d = doubleValue(start, end), d == d.rounded(), let v = Int(exactly: d) else {
            throw .invalid(field: path(), message: "expected an integer")
        }
        return v
    }

    /// Reads a number.
    mutating func double(path: () -> String) throws(ProgressReadError) -> Double {
        let first = try peek()
        guard first == 0x2D || first &- 0x30 < 10 else {
            throw .invalid(field: path(), message: "expected a number, found \(kindOfNextValue())")
        }
        let (start, end, _) = try numberToken()
        guard let d = doubleValue(start, end), d.isFinite else {
            throw .invalid(field: path(), message: "expected a number that fits in a double")
        }
        return d
    }

    /// Reads `true` or `false`.
    mutating func bool(path: () -> String) throws(ProgressReadError) -> Bool {
        switch try peek() {
        case 0x74:
            try literal("true")
            return true
        case 0x66:
            try literal("false")
            return false
        default:
            throw .invalid(field: path(), message: "expected true or false, found \(kindOfNextValue())")
        }
    }

    private mutating func literal(_ word: StaticString) throws(ProgressReadError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, let base = bytes.baseAddress,
            memcmp(base + index, word.utf8Start, count) == 0
        else { throw syntax("invalid value") }
        index += count
    }

    /// Reads a timestamp (see ``ProgressDateFormat``).
    mutating func date(path: () -> String) throws(ProgressReadError) -> Date {
        let start = index
        if let (s, e) = try plainString(path: path),
            let date = ProgressDateFormat.parse(UnsafeBufferPointer(rebasing: bytes[s..<e]))
        {
            return date
        }
        var copy = ProgressJSONParser(bytes, at: start)
        let text = try copy.string(path: path)
        if let date = ProgressDateFormat.date(from: text) { return date }
        throw .invalid(
            field: path(),
            message: "expected an ISO-8601 timestamp such as 2025-03-01T09:30:00.000Z, found \"\(text)\"")
    }

    // MARK: Skipping

    /// Reads and discards any value, checking its syntax.
    mutating func skipValue() throws(ProgressReadError) {
        switch try peek() {
        case 0x7B, 0x5B:
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw syntax("values nested too deeply") }
            if bytes[index] == 0x7B {
                try object(path: { "" }) { (parser, _) throws(ProgressReadError) in try parser.skipValue() }
            } else {
                try array(path: { "" }) { (parser, _) throws(ProgressReadError) in try parser.skipValue() }
            }
        case 0x22: _ = try rawString()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: _ = try numberToken()
        }
    }

    /// Skips the array that starts next, fast, returning the offset of each of its elements. Only
    /// strings and the nesting of brackets are followed: the elements are parsed (and fully
    /// checked) when they are read.
    mutating func skimArray(path: () -> String) throws(ProgressReadError) -> [Int] {
        guard try peek() == 0x5B else {
            throw .invalid(field: path(), message: "expected an array, found \(kindOfNextValue())")
        }
        guard let base = bytes.baseAddress else { throw syntax("unexpected end of the file") }
        var starts: [Int] = []
        let count = bytes.count
        var i = index + 1
        var depth = 1  // bracket kinds are checked when the reviews are parsed
        var wantElement = true
        while i < count {
            let b = base[i]
            if depth == 1 && wantElement && b > 0x20 {
                if b == 0x5D && starts.isEmpty {
                    index = i + 1
                    return starts
                }
                guard b != 0x2C && b != 0x5D else { throw syntax("expected a value in an array", at: i) }
                starts.append(i)
                wantElement = false
            }
            switch b {
            case 0x22:
                // The closing quote: the next one not preceded by an odd number of backslashes.
                var from = i + 1
                while true {
                    guard let hit = memchr(base + from, 0x22, count - from) else {
                        throw syntax("unterminated string", at: i)
                    }
                    let quote = base.distance(to: UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)))
                    var k = quote - 1
                    while k > i && base[k] == 0x5C { k -= 1 }
                    if (quote - 1 - k) % 2 == 0 {
                        i = quote
                        break
                    }
                    from = quote + 1
                }
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if depth == 0 {
                    guard b == 0x5D else { throw syntax("mismatched bracket", at: i) }
                    index = i + 1
                    return starts
                }
            case 0x2C:
                if depth == 1 { wantElement = true }
            default: break
            }
            i += 1
        }
        throw syntax("unterminated array", at: index)
    }
}
