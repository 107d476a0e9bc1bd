import Foundation

/// Reads log lines and state files exactly as ``ProgressCodec``'s `JSONEncoder` writes them, about
/// 20 times faster than `JSONDecoder` (which needs seconds for 200,000 lines).
///
/// It is a shortcut, not a second schema: anything it does not expect (an escape in a string, an
/// unknown or repeated key, `null`, a number written differently) makes it return `nil`, and the
/// caller decodes the same bytes with `JSONDecoder`, which gives the result or the error. Scheduler
/// settings are always handed to `JSONDecoder`, so fields added to ``SchedulerSettings`` need
/// nothing here. A randomised test checks it against `JSONDecoder`.
struct ProgressFastPath {
    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// Whether the cards of log lines are skipped (checked for balanced brackets only).
    private var skipCards = false
    /// The strings made so far (item ids, answers, modes repeat across lines).
    private var strings = StringTable(slots: 0)

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// The keys of each kind of object, in the order of the `case`s that read their values.
    private static let lineKeys: [StaticString] = [
        "event", "review", "phaseBefore", "before", "after", "settings", "at", "crc32c",
    ]
    private static let stateKeys: [StaticString] = [
        "format", "learner", "created", "updated", "settings", "logLines", "logBytes", "cards", "crc32c",
    ]
    private static let cardKeys: [StaticString] = [
        "phase", "step", "stability", "difficulty", "ease", "interval", "due", "lastReview", "reps", "lapses",
    ]
    private static let entryKeys: [StaticString] = [
        "itemID", "time", "rating", "answer", "correct", "durationMs", "mode",
    ]

    /// The log line in `bytes` (without its newline), or `nil`.
    ///
    /// With `skipCards`, its `before` and `after` cards are skipped and left out (for readers of
    /// lines the state already reflects, which need only the answers). `strings` keeps the strings
    /// made, to reuse them.
    static func line(_ bytes: UnsafeBufferPointer<UInt8>, skipCards: Bool = false, strings: inout StringTable)
        -> ProgressLogLine?
    {
        var p = ProgressFastPath(bytes)
        p.skipCards = skipCards
        swap(&p.strings, &strings)
        defer { swap(&p.strings, &strings) }
        guard let line = p.logLine(), p.atEnd() else { return nil }
        return line
    }

    /// The log line in `bytes`, or `nil` (see ``line(_:skipCards:strings:)``).
    static func line(_ bytes: UnsafeBufferPointer<UInt8>) -> ProgressLogLine? {
        var strings = StringTable()
        return line(bytes, strings: &strings)
    }

    /// The format 3 or 4 state file in `bytes`, or `nil`.
    static func state(_ bytes: UnsafeBufferPointer<UInt8>) -> ProgressStateFile? {
        var p = ProgressFastPath(bytes)
        guard let state = p.stateFile(), p.atEnd() else { return nil }
        return state
    }

    // MARK: Values of the schema

    private mutating func logLine() -> ProgressLogLine? {
        var event: ProgressLogLine.Event?
        var line = ProgressLogLine(event: .review)
        let ok = object(Self.lineKeys) { p, key in
            switch key {
            case 0: return set(&event, p.string().flatMap(ProgressLogLine.Event.init(rawValue:)))
            case 1: return set(&line.review, p.entry())
            case 2: return set(&line.phaseBefore, p.string().flatMap(CardPhase.init(rawValue:)))
            case 3:  // before
                if p.skipCards { return p.skipCard() }
                line.before = p.card()
                return line.before != nil
            case 4:  // after
                if p.skipCards { return p.skipCard() }
                line.after = p.card()
                return line.after != nil
            case 5: return set(&line.settings, p.settings())
            case 6: return set(&line.at, p.date())
            case 7:  // crc32c, checked by the caller (ProgressCheck)
                return p.rawString() != nil
            default: return false
            }
        }
        guard ok, let event else { return nil }
        line.event = event
        return line
    }

    private mutating func stateFile() -> ProgressStateFile? {
        var format: Int?
        var learner: String?
        var created: Date?
        var updated: Date?
        var settings: SchedulerSettings?
        var logLines: Int?
        var logBytes: Int?
        var cards: [String: Card]?
        let ok = object(Self.stateKeys) { p, key in
            switch key {
            case 0: return set(&format, p.int())
            case 1: return set(&learner, p.string())
            case 2: return set(&created, p.date())
            case 3: return set(&updated, p.date())
            case 4: return set(&settings, p.settings())
            case 5: return set(&logLines, p.int())
            case 6: return set(&logBytes, p.int())
            case 7:  // cards
                var all: [String: Card] = [:]
                let read = p.dictionary { p, id in
                    guard let card = p.card() else { return false }
                    all[id] = card
                    return true
                }
                cards = all
                return read
            case 8:  // crc32c, checked by the caller (ProgressCheck)
                return p.rawString() != nil
            default: return false
            }
        }
        guard ok, let format, (3...ProgressStateFile.currentFormat).contains(format), let learner,
            let created,
            let updated, let settings, let logLines, let logBytes, let cards, logLines >= 0, logBytes >= 0
        else { return nil }
        return ProgressStateFile(
            format: format, learner: learner, created: created, updated: updated, settings: settings,
            logLines: logLines, logBytes: logBytes, cards: cards)
    }

    private mutating func card() -> Card? {
        var phase: CardPhase?
        var due: Date?
        var reps: Int?
        var lapses: Int?
        var card = Card(due: Date(timeIntervalSince1970: 0))
        let ok = object(Self.cardKeys) { p, key in
            switch key {
            case 0: return set(&phase, p.string().flatMap(CardPhase.init(rawValue:)))
            case 1: return set(&card.step, p.int())
            case 2: return set(&card.stability, p.double())
            case 3: return set(&card.difficulty, p.double())
            case 4: return set(&card.ease, p.double())
            case 5: return set(&card.interval, p.double())
            case 6: return set(&due, p.date())
            case 7: return set(&card.lastReview, p.date())
            case 8: return set(&reps, p.int())
            case 9: return set(&lapses, p.int())
            default: return false
            }
        }
        guard ok, let phase, let due, let reps, let lapses else { return nil }
        card.phase = phase
        card.due = due
        card.reps = reps
        card.lapses = lapses
        return card
    }

    private mutating func entry() -> ReviewLogEntry? {
        var itemID: String?
        var time: Date?
        var rating: Rating?
        var entry = ReviewLogEntry(itemID: "", time: Date(timeIntervalSince1970: 0), rating: .again)
        let ok = object(Self.entryKeys) { p, key in
            switch key {
            case 0: return set(&itemID, p.string())
            case 1: return set(&time, p.date())
            case 2: return set(&rating, p.int().flatMap(Rating.init(rawValue:)))
            case 3: return set(&entry.answer, p.string())
            case 4: return set(&entry.correct, p.bool())
            case 5: return set(&entry.durationMs, p.int())
            case 6: return set(&entry.mode, p.string())
            default: return false
            }
        }
        guard ok, let itemID, let time, let rating else { return nil }
        entry.itemID = itemID
        entry.time = time
        entry.rating = rating
        return entry
    }

    /// Settings are decoded by `JSONDecoder` from their bytes, so new fields need nothing here.
    private mutating func settings() -> SchedulerSettings? {
        let start = i
        guard skipValue() else { return nil }
        let slice = UnsafeBufferPointer(rebasing: b[start..<i])
        return try? ProgressCodec.decoder().decode(SchedulerSettings.self, from: Data(slice))
    }

    // MARK: JSON pieces

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return i == b.count
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < b.count, b[i] == byte else { return false }
        i += 1
        return true
    }

    /// An object whose keys are among `keys` and whose values `member` reads, given the key's
    /// index; an unknown or repeated key fails.
    private mutating func object(_ keys: [StaticString], _ member: (inout ProgressFastPath, Int) -> Bool)
        -> Bool
    {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        var seen: UInt32 = 0
        repeat {
            guard let (start, length) = rawString() else { return false }
            let first = b[start]
            guard
                let index = keys.firstIndex(where: {
                    $0.utf8CodeUnitCount == length && $0.utf8Start.pointee == first
                        && memcmp(b.baseAddress! + start, $0.utf8Start, length) == 0
                }), seen & (1 << index) == 0, take(0x3A)
            else { return false }
            seen |= 1 << index
            skipSpace()
            guard member(&self, index) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    /// An object with any keys (the cards, by item id), whose values `member` reads; a repeated
    /// key fails.
    private mutating func dictionary(_ member: (inout ProgressFastPath, String) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        var seen = Set<String>()
        repeat {
            guard let key = string(), seen.insert(key).inserted, take(0x3A) else { return false }
            skipSpace()
            guard member(&self, key) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    /// Where the bytes of a string without escapes or control characters start, and how many.
    private mutating func rawString() -> (Int, Int)? {
        guard take(0x22) else { return nil }
        let start = i
        while i < b.count, b[i] != 0x22 {
            if b[i] == 0x5C || b[i] < 0x20 { return nil }
            i += 1
        }
        guard i < b.count else { return nil }
        i += 1
        return (start, i - 1 - start)
    }

    /// A string without escapes or control characters, in valid UTF-8.
    private mutating func string() -> String? {
        guard let (start, length) = rawString() else { return nil }
        return strings.string(UnsafeBufferPointer(rebasing: b[start..<start + length]))
    }

    private mutating func date() -> Date? {
        guard take(0x22), i + 25 <= b.count, b[i + 24] == 0x22 else { return nil }
        defer { i += 25 }
        return ProgressTime.parse(UnsafeBufferPointer(rebasing: b[i..<i + 24]))
    }

    private mutating func int() -> Int? {
        skipSpace()
        let negative = i < b.count && b[i] == 0x2D
        if negative { i += 1 }
        let start = i
        var value = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(b[i] - 0x30))
            guard !o1, !o2 else { return nil }
            value = plus
            i += 1
        }
        guard i > start, i - start == 1 || b[start] != 0x30, i == b.count || !isNumberByte(b[i])
        else { return nil }
        return negative ? -value : value
    }

    private mutating func double() -> Double? {
        skipSpace()
        let start = i
        while i < b.count, isNumberByte(b[i]) { i += 1 }
        guard i > start, i - start < 40 else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private mutating func bool() -> Bool? {
        skipSpace()
        if word("true") { return true }
        if word("false") { return false }
        return nil
    }

    private mutating func word(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, text.utf8Start, n) == 0 else { return false }
        i += n
        return true
    }

    private func isNumberByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45
    }

    /// Skips a card as the encoder writes it: an object holding no object, array or brace in a
    /// string, so it ends at the first `}`.
    private mutating func skipCard() -> Bool {
        guard take(0x7B), i < b.count, let end = memchr(b.baseAddress! + i, 0x7D, b.count - i) else {
            return false
        }
        i = b.baseAddress!.distance(to: end.assumingMemoryBound(to: UInt8.self)) + 1
        return true
    }

    /// Skips one value of any kind (strings may hold escapes here).
    private mutating func skipValue() -> Bool {
        skipSpace()
        var depth = 0
        repeat {
            guard i < b.count else { return false }
            switch b[i] {
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D: depth -= 1
            case 0x22:
                i += 1
                while i < b.count, b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
                // An unterminated string (or an escape as the last byte) ends the input: never
                // step past it (the fuzzer found a read beyond the buffer here).
                guard i < b.count else { return false }
            default: break
            }
            i += 1
        } while depth > 0 && i < b.count
        return depth == 0
    }
}

/// Stores `value` in `slot`; whether there was one (a member read by the fast path).
private func set<T>(_ slot: inout T?, _ value: T?) -> Bool {
    slot = value
    return value != nil
}

/// Strings already made from bytes, in a table indexed by the bytes' FNV-1a hash (a newer string
/// takes the place of an older one with the same index), so that 200,000 log lines naming 5,000
/// items make about 5,000 strings.
struct StringTable {
    private var slots: [(hash: UInt64, text: String)?]

    /// A table of `slots` strings (a power of 2): small for one line, large for a whole log.
    init(slots: Int = 16) {
        self.slots = Array(repeating: nil, count: slots)
    }

    /// A table for reading `bytes` bytes of log: a slot per 256 bytes, a power of 2 from 16 to
    /// 16,384 (a whole log's item ids), so reading a few lines does not clear a large table.
    init(forBytes bytes: Int) {
        var slots = 16
        while slots < 1 << 14 && slots * 256 < bytes { slots <<= 1 }
        self.init(slots: slots)
    }

    /// The string of `bytes` (valid UTF-8), or `nil`.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.isEmpty { return "" }
        var fnv = FNV1a()
        fnv.add(bytes)
        let hash = fnv.value
        let slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        if !slots.isEmpty, let (known, text) = slots[slot], known == hash {
            var text = text
            if text.withUTF8({
                $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }) {
                return text
            }
        }
        let text =
            bytes.allSatisfy({ $0 < 0x80 })
            ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        if let text, !slots.isEmpty { slots[slot] = (hash, text) }
        return text
    }
}
