import Foundation

/// Reads a learner's progress: the state file, then the log (every line's integrity check
/// verified), whose lines the state does not reflect yet are applied to the cards.
///
/// Changes no file. Formats 1 to 3 are read and converted in memory (``migration`` holds the log to
/// write for formats 1 and 2; a format 3 log gets its checks when next opened for writing).
struct ProgressLoader {
    let url: URL
    let logURL: URL
    /// The state, with every line read applied.
    var state: ProgressStateFile
    /// Complete lines in the log, and their size in bytes.
    var lines: Int
    var bytes: Int
    /// The size of a torn last line left out, if any.
    var tornBytes: Int?
    /// Every answer in effect, when the whole log was read.
    var history: ReviewHistory?
    /// Lines applied on top of the state file (left by a session that did not close).
    var replayed = 0
    var warnings: [String] = []
    /// For a format 1 or 2 file: the log lines to write; for formats 1 to 3, the format read.
    var migration: [ProgressLogLine]?
    var migratedFrom: Int?

    /// Whether the log's lines carry integrity checks (format 4).
    var checked: Bool { state.format >= 4 }

    /// Loads the progress at `url` (`nil` if there is none and nothing left of one).
    ///
    /// Every line of the log is read and its integrity check verified, so a damaged log is never
    /// recorded into; the lines the state does not reflect are applied to its cards. With
    /// `wholeLog`, every answer in effect is kept in ``history`` too.
    static func load(_ url: URL, wholeLog: Bool) throws(ProgressError) -> ProgressLoader? {
        let logURL = ProgressFiles.log(of: url)
        guard ProgressFiles.exists(url) else {
            let leftovers = [logURL, ProgressFiles.backup(of: url), ProgressFiles.journal(of: url)]
            for leftover in leftovers where ProgressFiles.exists(leftover) {
                throw .missingWithLeftovers(file: url.path, leftover: leftover.path)
            }
            return nil
        }
        let data = try ProgressFiles.read(url)
        let state: ProgressStateFile
        switch try decodeState(data, file: url) {
        case .current(let current):
            state = current
        case .legacy(let legacy, let format):
            return migrated(legacy, format: format, url: url)
        }
        var loader = ProgressLoader(
            url: url, logURL: logURL, state: state, lines: state.logLines, bytes: state.logBytes)
        if !loader.checked { loader.migratedFrom = state.format }
        let read = try ProgressLog.read(
            logURL, checked: loader.checked, cardsFrom: state.logBytes, entries: wholeLog)
        let reflected = read.count - read.tail.count
        guard reflected == state.logLines, (read.tail.first?.offset ?? read.bytes) == state.logBytes else {
            throw .logMismatch(
                file: logURL.path,
                message: "the state reflects \(state.logLines) lines (\(state.logBytes) bytes) but the log "
                    + "holds \(read.count) lines (\(read.bytes) bytes) that do not end a line there; it was "
                    + "cut or replaced")
        }
        if wholeLog { loader.history = read.history }
        var tail: [LoggedReview] = []
        var undoneBeforeTail = 0
        for record in read.tail {
            let line = record.line
            var undone: LoggedReview?
            if line.event == .undo {
                if let last = tail.popLast() {
                    undone = last
                } else {  // an answer the state reflects: read it back, cards and all
                    undoneBeforeTail += 1
                    undone = try ProgressLog.lastReviews(
                        logURL, end: state.logBytes, lastLine: state.logLines, count: undoneBeforeTail,
                        checked: loader.checked
                    ).dropFirst(undoneBeforeTail - 1).first
                }
            }
            if line.event == .review {
                tail.append(
                    LoggedReview(
                        line: record.number, entry: line.review!, phaseBefore: line.phaseBefore,
                        before: line.before, after: line.after))
            }
            if let problem = loader.apply(line, undoing: undone) {
                throw .logDamaged(
                    file: logURL.path, line: record.number, offset: record.offset, message: problem)
            }
            loader.replayed += 1
        }
        loader.lines = read.count
        loader.bytes = read.bytes
        if let torn = read.tornBytes {
            loader.tornBytes = torn
            loader.warnings.append(
                "\(logURL.path): left out an incomplete last line (\(torn) bytes), written when "
                    + "srmquiz stopped mid-answer; that answer was not recorded")
        }
        return loader
    }

    /// Applies a line to the state's cards and settings (`undone`: the answer an undo takes
    /// back); returns why it cannot be applied, or `nil`.
    mutating func apply(_ line: ProgressLogLine, undoing undone: LoggedReview?) -> String? {
        switch line.event {
        case .review:
            guard let after = line.after else {
                return "an answer without the card after it (only migrated lines may lack it)"
            }
            state.cards[line.review!.itemID] = after
            state.updated = max(state.updated, line.review!.time)
        case .undo:
            guard let undone, undone.entry == line.review else {
                return "undoes an answer that is not the last one in effect"
            }
            guard undone.after != nil else { return "undoes a migrated answer whose card was not kept" }
            state.cards[undone.entry.itemID] = undone.before
            state.updated = max(state.updated, line.at ?? state.updated)
        case .settings:
            state.settings = line.settings!
            state.updated = max(state.updated, line.at ?? state.updated)
        }
        return nil
    }

    // MARK: Decoding the state file

    enum Decoded {
        case current(ProgressStateFile)
        case legacy(LegacyProgress, format: Int)
    }

    /// The state in `data`, its integrity check verified (format 4 needs one): the fast path,
    /// else `JSONDecoder` (whose errors name the field).
    static func decodeState(_ data: [UInt8], file: URL) throws(ProgressError) -> Decoded {
        var end = data.count
        while end > 0, [0x0A, 0x20, 0x0D, 0x09].contains(data[end - 1]) { end -= 1 }
        let check = data.withUnsafeBufferPointer {
            ProgressCheck.verify(UnsafeBufferPointer(rebasing: $0[..<end]), pretty: true)
        }
        if check == .mismatch {
            throw .stateDamaged(
                file: file.path,
                message: "it fails its integrity check (CRC-32C): it was changed after it was written")
        }
        let decoded = try decodeUnchecked(data, file: file)
        if check == .absent, case .current(let state) = decoded, state.format >= 4 {
            throw .stateDamaged(
                file: file.path,
                message: "its integrity check (`crc32c`) is missing: its end was cut or changed")
        }
        return decoded
    }

    private static func decodeUnchecked(_ data: [UInt8], file: URL) throws(ProgressError) -> Decoded {
        if let state = data.withUnsafeBufferPointer({ ProgressFastPath.state($0) }) { return .current(state) }
        let json = Data(data)
        do {
            let format = try ProgressCodec.decoder().decode(ProgressFormatProbe.self, from: json).format
            switch format {
            case 3, ProgressStateFile.currentFormat:
                let state = try ProgressCodec.decoder().decode(ProgressStateFile.self, from: json)
                guard state.logLines >= 0, state.logBytes >= 0 else {
                    throw ProgressError.invalidField(
                        file: file.path, field: "logLines", message: "must not be negative")
                }
                return .current(state)
            case 1, 2:
                return .legacy(try LegacyProgress.read(data, format: format, file: file), format: format)
            default:
                throw ProgressError.unsupportedFormat(
                    file: file.path, found: format, supported: ProgressStateFile.readableFormats)
            }
        } catch let error as ProgressError {
            throw error
        } catch let error as DecodingError {
            throw ProgressCodec.progressError(error, file: file.path, data: json)
        } catch {
            throw .invalidJSON(file: file.path, line: nil, column: nil, message: "\(error)")
        }
    }

    /// A format 1 or 2 file as format 4, in memory.
    private static func migrated(_ legacy: LegacyProgress, format: Int, url: URL) -> ProgressLoader {
        let lines = legacy.logLines()
        var history = ReviewHistory()
        for line in lines { _ = history.apply(line) }
        history.settings = legacy.settings
        let state = ProgressStateFile(
            learner: legacy.learner, created: legacy.created, updated: legacy.updated,
            settings: legacy.settings, logLines: lines.count, logBytes: 0, cards: legacy.cards)
        var loader = ProgressLoader(
            url: url, logURL: ProgressFiles.log(of: url), state: state, lines: lines.count, bytes: 0,
            history: history)
        loader.migration = lines
        loader.migratedFrom = format
        return loader
    }
}
