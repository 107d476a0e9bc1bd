import Foundation

/// Reads a learner's progress: the state file, then the log lines it does not reflect yet
/// (or the whole log), applied to the cards. Changes no file. Formats 1 and 2 are read and
/// converted in memory (``migration`` holds the log to write).
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
    /// For a format 1 or 2 file: the log lines to write, and the format read.
    var migration: [ProgressLogLine]?
    var migratedFrom: Int?

    /// Loads the progress at `url` (`nil` if there is none and nothing left of one); with
    /// `wholeLog`, reads the whole log into ``history``.
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
        let read: ProgressLog.Lines
        if wholeLog {
            // Readers need only the answers of the lines the state reflects, not their cards.
            read = try ProgressLog.read(logURL, from: 0, firstLine: 1, skipCardsThrough: state.logLines)
            guard read.lines.count >= state.logLines, read.bytes >= state.logBytes else {
                throw .logMismatch(
                    file: logURL.path,
                    message:
                        "the state reflects \(state.logLines) lines but the log holds \(read.lines.count)")
            }
            var history = ReviewHistory()
            for (number, line) in read.lines.prefix(state.logLines) {
                if let problem = history.apply(line, number: number) {
                    throw .logDamaged(file: logURL.path, line: number, message: problem)
                }
            }
            loader.history = history
        } else {
            read = try ProgressLog.read(logURL, from: state.logBytes, firstLine: state.logLines + 1)
        }
        var tail: [LoggedReview] = []
        var undoneBeforeTail = 0
        for (number, line) in read.lines where number > state.logLines {
            var undone: LoggedReview?
            if line.event == .undo {
                if let last = tail.popLast() {
                    undone = last
                } else {  // an answer the state reflects: read it back, cards and all
                    undoneBeforeTail += 1
                    undone = try ProgressLog.lastReviews(
                        logURL, end: state.logBytes, lastLine: state.logLines, count: undoneBeforeTail
                    ).dropFirst(undoneBeforeTail - 1).first
                }
            }
            if var history = loader.history {
                if let problem = history.apply(line, number: number) {
                    throw .logDamaged(file: logURL.path, line: number, message: problem)
                }
                loader.history = history
            }
            if line.event == .review {
                tail.append(
                    LoggedReview(
                        line: number, entry: line.review!, phaseBefore: line.phaseBefore, before: line.before,
                        after: line.after))
            }
            if let problem = loader.apply(line, undoing: undone) {
                throw .logDamaged(file: logURL.path, line: number, message: problem)
            }
            loader.replayed += 1
        }
        loader.lines = state.logLines + loader.replayed
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

    /// Everything, as one document (needs ``history``).
    func document() -> ProgressDocument { ProgressDocument(state: state, history: history) }

    // MARK: Decoding the state file

    enum Decoded {
        case current(ProgressStateFile)
        case legacy(LegacyProgress, format: Int)
    }

    /// The state in `data`: the fast path, else `JSONDecoder` (whose errors name the field).
    static func decodeState(_ data: [UInt8], file: URL) throws(ProgressError) -> Decoded {
        if let state = data.withUnsafeBufferPointer({ ProgressFastPath.state($0) }) { return .current(state) }
        let json = Data(data)
        do {
            let format = try ProgressCodec.decoder().decode(ProgressFormatProbe.self, from: json).format
            switch format {
            case ProgressStateFile.currentFormat:
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

    /// A format 1 or 2 file as format 3, in memory.
    private static func migrated(_ legacy: LegacyProgress, format: Int, url: URL) -> ProgressLoader {
        let lines = legacy.logLines()
        var history = ReviewHistory()
        for (index, line) in lines.enumerated() { _ = history.apply(line, number: index + 1) }
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
