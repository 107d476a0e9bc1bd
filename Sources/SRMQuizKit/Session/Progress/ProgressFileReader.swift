import Foundation

/// Reads progress files with ``ProgressJSONParser``: the settings, cards and undo history at once,
/// the review log only located (see ``LazyReviewLog``). Accepts any valid JSON layout of the
/// format: keys in any order, any whitespace, unknown keys (skipped).
enum ProgressFileReader {
    /// A file read up to its review log.
    struct Head {
        /// Everything but the reviews and their phases (which are empty here).
        var document: ProgressDocument
        /// The review log, not decoded yet.
        var log: LazyReviewLog
        /// From which review on the log is in time order, as the writer noted (`nil`: unknown).
        var orderedFrom: Int?
        /// The format found in the file.
        var format: Int
    }

    /// Reads the progress file at `url`: only the part before the review log if the file has a
    /// valid ``ProgressLogIndex`` (the log stays on disk), else the whole file.
    static func read(_ url: URL) throws(ProgressError) -> Head {
        let file = url.path
        if let (prefix, index) = try ProgressLogIndex.readHead(url) {
            // The part before the log, closed with an empty log, is a complete document.
            let bytes = prefix + ProgressLogIndex.marker + Array("]}".utf8)
            let result: Result<Head, ProgressReadError> = bytes.withUnsafeBufferPointer { buffer in
                do throws(ProgressReadError) {
                    return .success(
                        try readHead(buffer, bytes: bytes, file: file, onDisk: (url, index)))
                } catch {
                    return .failure(error)
                }
            }
            if case .success(let head) = result { return head }
            // Anything unexpected: read the whole file, which reports problems precisely.
        }
        return try read(try ProgressFiles.readBytes(url), file: file)
    }

    /// Reads `bytes`, the content of `file`. Format 1 files are migrated (and fully decoded).
    static func read(_ bytes: [UInt8], file: String) throws(ProgressError) -> Head {
        let result: Result<Head, ProgressReadError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(ProgressReadError) {
                return .success(try readHead(buffer, bytes: bytes, file: file, onDisk: nil))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let head): return head
        case .failure(let error):
            // A file of another format is reported as such, whatever else is wrong with it.
            if case .syntax = error {
            } else if let format = probeFormat(bytes), format != ProgressDocument.currentFormat {
                if format == 1 { return try readVersionOne(bytes, file: file) }
                throw .unsupportedFormat(
                    file: file, found: format, supported: ProgressDocument.readableFormats)
            }
            throw bytes.withUnsafeBufferPointer { error.progressError(file: file, bytes: $0) }
        }
    }

    /// Reads the document in `buffer`; with `onDisk`, `buffer` is the file's part before the log
    /// closed with an empty log, and the log is the one `onDisk` describes.
    private static func readHead(
        _ buffer: UnsafeBufferPointer<UInt8>, bytes: [UInt8], file: String,
        onDisk: (url: URL, index: ProgressLogIndex)?
    ) throws(ProgressReadError) -> Head {
        var parser = ProgressJSONParser(buffer)
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { parser.index = 3 }
        if try parser.peek() != 0x7B {
            // Not an object: a syntax error if it is not JSON at all, else the wrong kind of value.
            var probe = parser
            try probe.skipValue()
            try probe.expectEnd()
        }
        var format: Int?
        var learner: String?
        var created: Date?
        var updated: Date?
        var settings = SchedulerSettings()
        var cards: [String: Card] = [:]
        var undo: [Card?] = []
        var sequence = 0
        var orderedFrom: Int?
        var reviewsStart: Int?
        var starts: [Int] = []
        try parser.object(path: { "(top level)" }) { (p, key) throws(ProgressReadError) in
            let b = p.bytes
            if key.is("format", in: b) {
                let found = try p.int(path: { "format" })
                guard found == ProgressDocument.currentFormat else {
                    throw .invalid(field: "format", message: "format \(found)")  // reported by `read`
                }
                format = found
            } else if key.is("learner", in: b) {
                learner = try p.string(path: { "learner" })
            } else if key.is("created", in: b) {
                created = try p.date(path: { "created" })
            } else if key.is("updated", in: b) {
                updated = try p.null() ? nil : try p.date(path: { "updated" })
            } else if key.is("settings", in: b) {
                if try !p.null() { settings = try readSettings(&p) }
            } else if key.is("cards", in: b) {
                if try !p.null() { cards = try readCards(&p) }
            } else if key.is("undo", in: b) {
                undo = []
                if try !p.null() {
                    try p.array(path: { "undo" }) { (p, n) throws(ProgressReadError) in
                        undo.append(try readUndoStep(&p, path: { "undo[\(n)]" }))
                    }
                }
            } else if key.is("sequence", in: b) {
                sequence = try p.null() ? 0 : try p.int(path: { "sequence" })
            } else if key.is("reviewsOrderedFrom", in: b) {
                orderedFrom = try p.null() ? nil : try p.int(path: { "reviewsOrderedFrom" })
            } else if key.is("reviews", in: b) {
                if try p.null() {
                    reviewsStart = nil
                    starts = []
                } else {
                    reviewsStart = p.index
                    starts = try p.skimArray(path: { "reviews" })
                }
            } else {
                try p.skipValue()
            }
        }
        try parser.expectEnd()
        guard format != nil else { throw .missing(field: "format") }
        guard let learner else { throw .missing(field: "learner") }
        guard let created else { throw .missing(field: "created") }
        if let onDisk {
            // The log read must be the empty one appended after the file's part before its log.
            guard reviewsStart == onDisk.index.at + ProgressLogIndex.marker.count - 1, starts.isEmpty else {
                throw .invalid(field: "reviewsIndex", message: "does not point at the review log")
            }
        }
        let reviewCount = onDisk?.index.count ?? starts.count
        guard undo.count <= reviewCount else {
            throw .invalid(
                field: "undo", message: "has \(undo.count) steps but there are only \(reviewCount) reviews")
        }
        let document = ProgressDocument(
            learner: learner, created: created, updated: updated, settings: settings, cards: cards,
            undo: undo, sequence: sequence)
        let log =
            onDisk.map { LazyReviewLog(file: file, url: $0.url, index: $0.index) }
            ?? LazyReviewLog(file: file, bytes: bytes, arrayStart: reviewsStart, starts: starts)
        if let value = orderedFrom, !(0...reviewCount).contains(value) { orderedFrom = nil }
        return Head(
            document: document, log: log, orderedFrom: orderedFrom, format: ProgressDocument.currentFormat)
    }

    /// The top-level `format` of `bytes`, if it can be found.
    private static func probeFormat(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = ProgressJSONParser(buffer)
            var format: Int?
            do throws(ProgressReadError) {
                try parser.object(path: { "" }) { (p, key) throws(ProgressReadError) in
                    if key.is("format", in: p.bytes) {
                        format = try p.int(path: { "format" })
                    } else {
                        try p.skipValue()
                    }
                }
            } catch {
                return format
            }
            return format
        }
    }

    /// A format 1 file, migrated (read with Foundation's decoder: such files are rare and small).
    private static func readVersionOne(_ bytes: [UInt8], file: String) throws(ProgressError) -> Head {
        let data = Data(bytes)
        let document: ProgressDocument
        do {
            document = try ProgressCodec.decoder().decode(ProgressFormatV1.self, from: data).migrated()
        } catch let error as DecodingError {
            throw ProgressCodec.progressError(error, file: file, data: data)
        } catch {
            throw .invalidJSON(file: file, line: nil, column: nil, message: "\(error)")
        }
        return Head(document: document, log: LazyReviewLog(file: file), orderedFrom: nil, format: 1)
    }

    // MARK: Values

    static func readSettings(_ p: inout ProgressJSONParser) throws(ProgressReadError) -> SchedulerSettings {
        var s = SchedulerSettings()
        try p.object(path: { "settings" }) { (p, key) throws(ProgressReadError) in
            let b = p.bytes
            if try p.null() {
                if key.is("parameters", in: b) { s.parameters = nil }
                return
            }
            if key.is("kind", in: b) {
                let text = try p.string(path: { "settings.kind" })
                guard let kind = SchedulerKind(rawValue: text) else {
                    throw .invalid(field: "settings.kind", message: "expected fsrs or sm2, found \"\(text)\"")
                }
                s.kind = kind
            } else if key.is("desiredRetention", in: b) {
                s.desiredRetention = try p.double(path: { "settings.desiredRetention" })
            } else if key.is("parameters", in: b) {
                s.parameters = try doubles(&p, path: "settings.parameters")
            } else if key.is("learningSteps", in: b) {
                s.learningSteps = try doubles(&p, path: "settings.learningSteps")
            } else if key.is("relearningSteps", in: b) {
                s.relearningSteps = try doubles(&p, path: "settings.relearningSteps")
            } else if key.is("maximumInterval", in: b) {
                s.maximumInterval = try p.int(path: { "settings.maximumInterval" })
            } else if key.is("fuzz", in: b) {
                s.fuzz = try p.bool(path: { "settings.fuzz" })
            } else if key.is("newPerDay", in: b) {
                s.newPerDay = try p.int(path: { "settings.newPerDay" })
            } else if key.is("dayStartsAt", in: b) {  // SM-2 day rule (issue #15)
                s.dayStartsAt = try p.int(path: { "settings.dayStartsAt" })
            } else if key.is("timeZone", in: b) {
                s.timeZone = try p.string(path: { "settings.timeZone" })
            } else {
                try p.skipValue()
            }
        }
        return s
    }

    private static func doubles(_ p: inout ProgressJSONParser, path: String) throws(ProgressReadError)
        -> [Double]
    {
        var values: [Double] = []
        try p.array(path: { path }) { (p, n) throws(ProgressReadError) in
            values.append(try p.double(path: { "\(path)[\(n)]" }))
        }
        return values
    }

    private static func readCards(_ p: inout ProgressJSONParser) throws(ProgressReadError) -> [String: Card] {
        var cards: [String: Card] = [:]
        try p.object(path: { "cards" }) { (p, key) throws(ProgressReadError) in
            let id = key.string(in: p.bytes)
            cards[id] = try readCard(&p, path: { "cards.\(id)" })
        }
        return cards
    }

    /// An undo step: `{}` (the item had no card) or `{"previous": card}`.
    private static func readUndoStep(
        _ p: inout ProgressJSONParser, path: () -> String
    ) throws(ProgressReadError) -> Card? {
        var previous: Card?
        try p.object(path: path) { (p, key) throws(ProgressReadError) in
            if key.is("previous", in: p.bytes), try !p.null() {
                previous = try readCard(&p, path: { path() + ".previous" })
            } else {
                try p.skipValue()
            }
        }
        return previous
    }

    static func readCard(_ p: inout ProgressJSONParser, path: () -> String) throws(ProgressReadError) -> Card
    {
        var phase: CardPhase?
        var step: Int?
        var stability: Double?
        var difficulty: Double?
        var ease: Double?
        var interval: Double?
        var due: Date?
        var lastReview: Date?
        var reps: Int?
        var lapses: Int?
        try p.object(path: path) { (p, key) throws(ProgressReadError) in
            let b = p.bytes
            if try p.null() { return }
            if key.is("phase", in: b) {
                phase = try readPhase(&p, path: { path() + ".phase" })
            } else if key.is("step", in: b) {
                step = try p.int(path: { path() + ".step" })
            } else if key.is("stability", in: b) {
                stability = try p.double(path: { path() + ".stability" })
            } else if key.is("difficulty", in: b) {
                difficulty = try p.double(path: { path() + ".difficulty" })
            } else if key.is("ease", in: b) {
                ease = try p.double(path: { path() + ".ease" })
            } else if key.is("interval", in: b) {
                interval = try p.double(path: { path() + ".interval" })
            } else if key.is("due", in: b) {
                due = try p.date(path: { path() + ".due" })
            } else if key.is("lastReview", in: b) {
                lastReview = try p.date(path: { path() + ".lastReview" })
            } else if key.is("reps", in: b) {
                reps = try p.int(path: { path() + ".reps" })
            } else if key.is("lapses", in: b) {
                lapses = try p.int(path: { path() + ".lapses" })
            } else {
                try p.skipValue()
            }
        }
        guard let phase else { throw .missing(field: path() + ".phase") }
        guard let due else { throw .missing(field: path() + ".due") }
        guard let reps else { throw .missing(field: path() + ".reps") }
        guard let lapses else { throw .missing(field: path() + ".lapses") }
        return Card(
            phase: phase, step: step, stability: stability, difficulty: difficulty, ease: ease,
            interval: interval, due: due, lastReview: lastReview, reps: reps, lapses: lapses)
    }

    private static func readPhase(_ p: inout ProgressJSONParser, path: () -> String) throws(ProgressReadError)
        -> CardPhase
    {
        if let (s, e) = try p.plainString(path: path) {
            let key = ProgressJSONParser.Key(start: s, end: e, decoded: nil)
            if key.is("review", in: p.bytes) { return .review }
            if key.is("new", in: p.bytes) { return .new }
            if key.is("learning", in: p.bytes) { return .learning }
            if key.is("relearning", in: p.bytes) { return .relearning }
            let text = String(decoding: UnsafeBufferPointer(rebasing: p.bytes[s..<e]), as: UTF8.self)
            if let phase = CardPhase(rawValue: text) { return phase }
            throw .invalid(
                field: path(), message: "expected new, learning, review or relearning, found \"\(text)\"")
        }
        throw .invalid(field: path(), message: "expected new, learning, review or relearning")
    }

    /// One review of the log (`reviews[index]`).
    static func readReview(_ p: inout ProgressJSONParser, index: Int) throws(ProgressReadError)
        -> StoredReview
    {
        var itemID: String?
        var time: Date?
        var rating: Rating?
        var answer: String?
        var correct: Bool?
        var durationMs: Int?
        var mode: String?
        var phaseBefore: CardPhase?
        try p.object(path: { "reviews[\(index)]" }) { (p, key) throws(ProgressReadError) in
            let b = p.bytes
            if try p.null() { return }
            if key.is("itemID", in: b) {
                itemID = try p.string(path: { "reviews[\(index)].itemID" })
            } else if key.is("time", in: b) {
                time = try p.date(path: { "reviews[\(index)].time" })
            } else if key.is("rating", in: b) {
                let value = try p.int(path: { "reviews[\(index)].rating" })
                guard let r = Rating(rawValue: value) else {
                    throw .invalid(
                        field: "reviews[\(index)].rating", message: "expected 1, 2, 3 or 4, found \(value)")
                }
                rating = r
            } else if key.is("answer", in: b) {
                answer = try p.string(path: { "reviews[\(index)].answer" })
            } else if key.is("correct", in: b) {
                correct = try p.bool(path: { "reviews[\(index)].correct" })
            } else if key.is("durationMs", in: b) {
                durationMs = try p.int(path: { "reviews[\(index)].durationMs" })
            } else if key.is("mode", in: b) {
                mode = try p.string(path: { "reviews[\(index)].mode" })
            } else if key.is("phaseBefore", in: b) {
                phaseBefore = try readPhase(&p, path: { "reviews[\(index)].phaseBefore" })
            } else {
                try p.skipValue()
            }
        }
        guard let itemID else { throw .missing(field: "reviews[\(index)].itemID") }
        guard let time else { throw .missing(field: "reviews[\(index)].time") }
        guard let rating else { throw .missing(field: "reviews[\(index)].rating") }
        return StoredReview(
            entry: ReviewLogEntry(
                itemID: itemID, time: time, rating: rating, answer: answer, correct: correct,
                durationMs: durationMs, mode: mode),
            phaseBefore: phaseBefore)
    }
}
