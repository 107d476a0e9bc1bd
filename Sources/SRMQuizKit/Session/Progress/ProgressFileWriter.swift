import Foundation

/// Writes progress documents (format 2) by hand, fast: compact JSON with a fixed key order, one
/// card, undo step or review per line, and the review log last, so the file diffs well and the
/// log can be skipped or read from its end. See `docs/progress-format.md`.
///
/// ```text
/// {"format":2,"learner":"kim","created":"…","updated":"…","sequence":12,
/// "settings":{"kind":"fsrs",…},
/// "cards":{
/// "owner.ec2.patch-guest-os":{"phase":"review",…},
/// …
/// },
/// "undo":[
/// {},
/// {"previous":{"phase":"learning",…}}
/// ],
/// "reviewsOrderedFrom":0,
/// "reviews":[
/// {"itemID":"owner.ec2.patch-guest-os","time":"…","rating":3,…},
/// …
/// ]}
/// ```
struct ProgressFileWriter {
    private(set) var bytes: [UInt8] = []
    /// The first value that could not be written (a non-finite number), by field.
    private var failure: String?

    /// `document` as the bytes of a progress file (ending with a newline).
    static func encode(_ document: ProgressDocument, file: String) throws(ProgressError) -> [UInt8] {
        var writer = ProgressFileWriter()
        writer.bytes.reserveCapacity(256 + document.cards.count * 220 + document.reviews.count * 180)
        writer.write(document)
        if let failure = writer.failure { throw .encoding(file: file, message: failure) }
        return writer.bytes
    }

    private mutating func write(_ d: ProgressDocument) {
        raw("{\"format\":")
        int(ProgressDocument.currentFormat)
        key(",\"learner\":")
        string(d.learner)
        key(",\"created\":")
        date(d.created)
        key(",\"updated\":")
        date(d.updated)
        key(",\"sequence\":")
        int(d.sequence)
        // Placeholders, filled in once the log's place and the file's size are known.
        key(",\"reviewsIndex\":{\"at\":\"")
        let indexAt = bytes.count
        raw("000000000000\",\"count\":\"000000000000\",\"size\":\"000000000000\"}")
        key(",\n\"settings\":")
        settings(d.settings)
        key(",\n\"cards\":{")
        var first = true
        for (id, value) in d.cards.sorted(by: { $0.key < $1.key }) {
            raw(first ? "\n" : ",\n")
            first = false
            string(id)
            bytes.append(0x3A)
            card(value, field: "cards.\(id)")
        }
        raw(first ? "}" : "\n}")
        key(",\n\"undo\":[")
        for (n, step) in d.undo.enumerated() {
            raw(n == 0 ? "\n" : ",\n")
            if let step {
                raw("{\"previous\":")
                card(step, field: "undo[\(n)].previous")
                bytes.append(0x7D)
            } else {
                raw("{}")
            }
        }
        raw(d.undo.isEmpty ? "]" : "\n]")
        key(",\n\"reviewsOrderedFrom\":")
        int(ProgressState.orderedFrom(d.reviews))
        raw(",\n")
        let reviewsAt = bytes.count
        key("\"reviews\":[")
        for n in d.reviews.indices {
            raw(n == 0 ? "\n" : ",\n")
            review(d.reviews[n], phaseBefore: n < d.phasesBefore.count ? d.phasesBefore[n] : nil)
        }
        raw(d.reviews.isEmpty ? "]}\n" : "\n]}\n")
        fill(at: indexAt, with: reviewsAt)
        fill(at: indexAt + 12 + 11, with: d.reviews.count)
        fill(at: indexAt + 12 + 11 + 12 + 10, with: bytes.count)
    }

    /// Overwrites the 12 digits at `offset` with `value`, zero-padded (``ProgressLogIndex``).
    private mutating func fill(at offset: Int, with value: Int) {
        var v = value
        for i in stride(from: offset + ProgressLogIndex.width - 1, through: offset, by: -1) {
            bytes[i] = UInt8(truncatingIfNeeded: v % 10) + 0x30
            v /= 10
        }
    }

    private mutating func settings(_ s: SchedulerSettings) {
        raw("{\"kind\":")
        string(s.kind.rawValue)
        key(",\"desiredRetention\":")
        double(s.desiredRetention, field: "settings.desiredRetention")
        if let parameters = s.parameters {
            key(",\"parameters\":")
            doubles(parameters, field: "settings.parameters")
        }
        key(",\"learningSteps\":")
        doubles(s.learningSteps, field: "settings.learningSteps")
        key(",\"relearningSteps\":")
        doubles(s.relearningSteps, field: "settings.relearningSteps")
        key(",\"maximumInterval\":")
        int(s.maximumInterval)
        key(",\"fuzz\":")
        raw(s.fuzz ? "true" : "false")
        key(",\"newPerDay\":")
        int(s.newPerDay)
        key(",\"dayStartsAt\":")  // SM-2 day rule (issue #15)
        int(s.dayStartsAt)
        if let timeZone = s.timeZone {
            key(",\"timeZone\":")
            string(timeZone)
        }
        bytes.append(0x7D)
    }

    private mutating func card(_ c: Card, field: @autoclosure () -> String) {
        raw("{\"phase\":")
        string(c.phase.rawValue)
        if let step = c.step {
            key(",\"step\":")
            int(step)
        }
        if let v = c.stability {
            key(",\"stability\":")
            double(v, field: field() + ".stability")
        }
        if let v = c.difficulty {
            key(",\"difficulty\":")
            double(v, field: field() + ".difficulty")
        }
        if let v = c.ease {
            key(",\"ease\":")
            double(v, field: field() + ".ease")
        }
        if let v = c.interval {
            key(",\"interval\":")
            double(v, field: field() + ".interval")
        }
        key(",\"due\":")
        date(c.due)
        if let last = c.lastReview {
            key(",\"lastReview\":")
            date(last)
        }
        key(",\"reps\":")
        int(c.reps)
        key(",\"lapses\":")
        int(c.lapses)
        bytes.append(0x7D)
    }

    private mutating func review(_ r: ReviewLogEntry, phaseBefore: CardPhase?) {
        raw("{\"itemID\":")
        string(r.itemID)
        key(",\"time\":")
        date(r.time)
        key(",\"rating\":")
        int(r.rating.rawValue)
        if let answer = r.answer {
            key(",\"answer\":")
            string(answer)
        }
        if let correct = r.correct { raw(correct ? ",\"correct\":true" : ",\"correct\":false") }
        if let duration = r.durationMs {
            key(",\"durationMs\":")
            int(duration)
        }
        if let mode = r.mode {
            key(",\"mode\":")
            string(mode)
        }
        if let phase = phaseBefore {
            key(",\"phaseBefore\":")
            string(phase.rawValue)
        }
        bytes.append(0x7D)
    }

    // MARK: Values

    @inline(__always) private mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) private mutating func key(_ text: StaticString) { raw(text) }

    private mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(0x2D)
            if value == .min {
                bytes.append(contentsOf: "9223372036854775808".utf8)
                return
            }
        }
        var v = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, enough for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var count = 0
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                count += 1
            } while v > 0
            while count > 0 {
                count -= 1
                bytes.append(buffer[count])
            }
        }
    }

    private mutating func double(_ value: Double, field: @autoclosure () -> String) {
        guard value.isFinite else {
            if failure == nil { failure = "\(field()) is \(value), which JSON cannot hold" }
            bytes.append(0x30)
            return
        }
        // Swift's description is the shortest text that reads back exactly, and valid JSON.
        bytes.append(contentsOf: value.description.utf8)
    }

    private mutating func doubles(_ values: [Double], field: String) {
        bytes.append(0x5B)
        for (n, value) in values.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            double(value, field: "\(field)[\(n)]")
        }
        bytes.append(0x5D)
    }

    private mutating func date(_ value: Date) {
        bytes.append(0x22)
        ProgressDateFormat.append(value, to: &bytes)
        bytes.append(0x22)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as
    /// UTF-8 (`/` and non-ASCII are not escaped).
    mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var clean = 0  // start of the run of bytes that need no escape
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<i]))
                clean = i + 1
                switch b {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    raw("\\u00")
                    bytes.append(Self.hexDigits[Int(b >> 4)])
                    bytes.append(Self.hexDigits[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        }
        bytes.append(0x22)
    }
}
