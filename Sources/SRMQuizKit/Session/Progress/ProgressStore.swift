import Foundation

/// A learner's progress, open for recording: the state file (`<learner>.json`) and the review
/// log beside it (`<learner>.reviews.jsonl`).
///
/// Durability: each change is appended to the log as one line and fsynced before the call
/// returns. Closing (after changes) rewrites only the state (temporary file, fsync, rename,
/// folder fsync, the previous state kept as `<file>.bak`), noting how many log lines the cards
/// reflect; opening decodes the state and applies the lines after those. An exclusive lock on
/// `<file>.lock` keeps a second writer out; readers (``ProgressDocument/read(at:)``) need no
/// lock. See `docs/progress-format.md`.
public final class ProgressStore: ReviewStore {
    /// The state file.
    public let url: URL
    /// The review log.
    public var logURL: URL { logFile.url }
    /// Things noticed while opening that the learner should hear about (a new learner, a torn
    /// log line, a migrated format), one sentence each.
    public private(set) var warnings: [String]
    /// Why reading the log for ``reviews(since:)`` or ``log`` failed, if it did.
    public private(set) var logError: ProgressError?

    private var state: ProgressStateFile
    /// Complete lines in the log and their size.
    private var lines: Int
    private var bytes: Int
    /// Every answer in effect, once the whole log was read.
    private var history: ReviewHistory?
    private let clock: any Clock
    private var lock: ProgressLock?
    private let logFile: ProgressLog
    /// Whether the state file is behind the log.
    private var dirty = false

    init(url: URL, loaded: ProgressLoader, clock: any Clock, lock: ProgressLock) {
        self.url = url
        state = loaded.state
        lines = loaded.lines
        bytes = loaded.bytes
        history = loaded.history
        warnings = loaded.warnings
        self.clock = clock
        self.lock = lock
        logFile = ProgressLog(url: loaded.logURL)
        dirty = loaded.replayed > 0
    }

    deinit { close() }

    // MARK: Opening

    /// Opens the progress at `url`, creating it (and its folder, mode 0700) for `learner` with
    /// `settings` if neither it nor any leftover of it exists (a warning announces the new
    /// learner).
    ///
    /// Takes the lock; converts a format 1 or 2 file at once. A file that cannot be read is left
    /// untouched and reported.
    public static func open(
        at url: URL, learner: String, createWith settings: SchedulerSettings, clock: any Clock
    ) throws(ProgressError) -> ProgressStore {
        let url = url.standardizedFileURL
        try ProgressFiles.run(DurableFile.makeFolders(url.deletingLastPathComponent().path))
        let lock = try ProgressLock.acquire(for: url)
        guard var loaded = try ProgressLoader.load(url, wholeLog: false) else {
            let now = ProgressTime.rounded(clock.now())
            let state = ProgressStateFile(
                learner: learner, created: now, updated: now, settings: settings, logLines: 0, logBytes: 0,
                cards: [:])
            let fresh = ProgressLoader(
                url: url, logURL: ProgressFiles.log(of: url), state: state, lines: 0, bytes: 0)
            let store = ProgressStore(url: url, loaded: fresh, clock: clock, lock: lock)
            try store.writeState()
            store.warnings.append("new learner '\(learner)' at \(url.path)")
            return store
        }
        if loaded.tornBytes != nil { try ProgressLog(url: loaded.logURL).cut(to: loaded.bytes) }
        if let format = loaded.migratedFrom {
            if let lines = loaded.migration {
                if ProgressFiles.exists(loaded.logURL) {  // e.g. a format 2 backup restored over format 3
                    try ProgressFiles.preserve(loaded.logURL, as: ProgressFiles.backup(of: loaded.logURL))
                }
                loaded.bytes = try writeLog(lines, to: loaded.logURL)
            } else {  // format 3: the same log, each line with its check
                loaded.bytes = try ProgressLog.sealLegacy(loaded.logURL)
            }
            try? lock.hold(loaded.logURL)
            loaded.state.format = ProgressStateFile.currentFormat
            loaded.warnings.append(
                "\(url.path): migrated from format \(format) to \(ProgressStateFile.currentFormat); "
                    + "the old file is kept as \(ProgressFiles.backup(of: url).lastPathComponent)")
            let store = ProgressStore(url: url, loaded: loaded, clock: clock, lock: lock)
            try store.writeState()
            try ProgressFiles.remove(ProgressFiles.journal(of: url))
            return store
        }
        return ProgressStore(url: url, loaded: loaded, clock: clock, lock: lock)
    }

    // MARK: ReviewStore

    /// The learner's scheduler and its settings.
    public var settings: SchedulerSettings { state.settings }
    /// Each item's card, by item id.
    public var cards: [String: Card] { state.cards }
    /// The learner's name, as stored in the file.
    public var learner: String { state.learner }
    /// How many lines the review log holds.
    package var logLineCount: Int { lines }

    /// Every answer in effect, oldest first.
    ///
    /// Reads the whole log on first use (if that fails, it is empty and ``logError`` says why;
    /// ``loadLog()`` throws instead).
    public var log: [ReviewLogEntry] {
        if history == nil { try? loadLog() }
        return history?.reviews ?? []
    }

    /// Everything, with the whole log read first (see ``log``).
    package var document: ProgressDocument {
        if history == nil { try? loadLog() }
        return ProgressDocument(state: state, history: history)
    }

    /// Whether the whole log has been read.
    package var isLogLoaded: Bool { history != nil }

    /// Reads the whole review log now (a damaged line is thrown, naming the log and the line).
    public func loadLog() throws(ProgressError) {
        guard history == nil else { return }
        do throws(ProgressError) {
            let read = try ProgressLog.read(logFile.url, checked: true, cardsFrom: bytes, entries: true)
            guard read.bytes == bytes, read.count == lines else {
                throw ProgressError.logMismatch(
                    file: logFile.url.path, message: "the log changed while open")
            }
            history = read.history
        } catch {
            logError = error
            throw error
        }
    }

    /// The answers given at or after `date`, oldest first, reading only the end of the log (which
    /// is in time order unless the clock was set back).
    ///
    /// If the log cannot be read there, the answers found are returned and ``logError`` says why.
    public func reviews(since date: Date) -> [ReviewLogEntry] {
        if let history { return history.reviews.filter { $0.time >= date } }
        do {
            return try ProgressLog.reviews(
                logFile.url, since: date, end: bytes, lastLine: lines, checked: true
            )
            .map(\.entry)
        } catch {
            logError = error
            return []
        }
    }

    /// Records `entry` and the item's new `card`; on disk (log line fsynced) before it returns.
    ///
    /// Times are kept to the millisecond, as the file holds them.
    public func record(_ entry: ReviewLogEntry, card: Card) throws(ProgressError) {
        let previous = state.cards[entry.itemID]
        try append(
            ProgressLogLine(
                event: .review, review: entry, phaseBefore: previous?.phase ?? .new, before: previous,
                after: card),
            undoing: nil)
    }

    /// Takes back the last answer in effect and restores exactly the card it replaced.
    ///
    /// Returns `nil` if there is none; throws ``ProgressError/undoUnavailable(file:)`` for an
    /// answer migrated from format 1 or 2 without its cards.
    @discardableResult
    public func undoLast() throws(ProgressError) -> ReviewLogEntry? {
        guard
            let last = try ProgressLog.lastReviews(
                logFile.url, end: bytes, lastLine: lines, count: 1, checked: true
            )
            .first
        else { return nil }
        guard last.after != nil else { throw .undoUnavailable(file: url.path) }
        try append(ProgressLogLine(event: .undo, review: last.entry, at: clock.now()), undoing: last)
        return last.entry
    }

    /// Changes the scheduler settings (durably, like an answer).
    package func updateSettings(_ settings: SchedulerSettings) throws(ProgressError) {
        try append(ProgressLogLine(event: .settings, settings: settings, at: clock.now()), undoing: nil)
    }

    /// Appends `line` and applies what it reads back as (so memory holds what a reopen will).
    private func append(_ line: ProgressLogLine, undoing undone: LoggedReview?) throws(ProgressError) {
        guard lock != nil else { throw .closed(file: url.path) }
        let data = try logFile.encoded(line)
        let stored = try [UInt8](data).withUnsafeBufferPointer { (bytes) throws(ProgressError) in
            try ProgressCodec.line(
                bytes, checked: true, number: lines + 1, offset: self.bytes, file: logFile.url.path)
        }
        var next = ProgressLoader(url: url, logURL: logFile.url, state: state, lines: lines, bytes: bytes)
        if let problem = next.apply(stored, undoing: undone) {
            throw .encoding(file: logFile.url.path, message: problem)
        }
        try logFile.append(data)
        if lines == 0 { try? lock?.hold(logFile.url) }  // the log may just have been created
        state = next.state
        lines += 1
        bytes += data.count + 1
        _ = history?.apply(stored)
        dirty = true
    }

    // MARK: Whole-file changes

    /// Replaces every card and the settings with a rebuild's result (as `progress rebuild` does):
    /// the log is rewritten with the answers in effect and their rebuilt cards (the old log is kept
    /// as `<log>.bak`), then the state.
    ///
    /// The rebuild must be of ``log``.
    package func replaceCards(with result: ProgressRebuilder.Result, settings: SchedulerSettings)
        throws(ProgressError)
    {
        guard lock != nil else { throw .closed(file: url.path) }
        try loadLog()
        let reviews = history?.reviews ?? []
        guard result.after.count == reviews.count, result.phasesBefore.count == reviews.count else {
            throw .encoding(
                file: url.path, message: "the rebuild does not match the \(reviews.count) answers")
        }
        var previous: [String: Card] = [:]
        var lines = [ProgressLogLine(event: .settings, settings: settings, at: clock.now())]
        for (index, review) in reviews.enumerated() {
            lines.append(
                ProgressLogLine(
                    event: .review, review: review, phaseBefore: result.phasesBefore[index],
                    before: previous[review.itemID], after: result.after[index]))
            previous[review.itemID] = result.after[index]
        }
        try replaceLog(with: lines, cards: result.cards, settings: settings)
    }

    /// Writes `lines` as the new log (the old one kept as `<log>.bak`) and the state with
    /// `cards` and `settings`.
    func replaceLog(with lines: [ProgressLogLine], cards: [String: Card], settings: SchedulerSettings)
        throws(ProgressError)
    {
        logFile.close()
        if ProgressFiles.exists(logFile.url) {
            try ProgressFiles.preserve(logFile.url, as: ProgressFiles.backup(of: logFile.url))
        }
        let size = try Self.writeLog(lines, to: logFile.url)
        try? lock?.hold(logFile.url)
        var history = ReviewHistory()
        for line in lines { _ = history.apply(line) }
        self.history = history
        self.lines = lines.count
        bytes = size
        state.cards = cards
        state.settings = settings
        state.updated = max(state.updated, ProgressTime.rounded(clock.now()))
        try writeState()
    }

    /// Writes a whole progress at `url` (state and log), replacing any there, without a lock: for
    /// imports, tests and benchmarks.
    ///
    /// The cards must be what `lines` lead to.
    package static func write(
        learner: String, created: Date, settings: SchedulerSettings, cards: [String: Card],
        lines: [ProgressLogLine], to url: URL
    ) throws(ProgressError) {
        let url = url.standardizedFileURL
        try ProgressFiles.run(DurableFile.makeFolders(url.deletingLastPathComponent().path))
        try ProgressFiles.checkFolder(url.deletingLastPathComponent())
        try ProgressFiles.checkTarget(url)
        let size = try writeLog(lines, to: ProgressFiles.log(of: url))
        let updated = lines.compactMap { $0.review?.time ?? $0.at }.max().map { max($0, created) } ?? created
        let state = ProgressStateFile(
            learner: learner, created: created, updated: updated, settings: settings, logLines: lines.count,
            logBytes: size, cards: cards)
        try ProgressFiles.replace(url, with: try encoded(state, file: url))
    }

    /// `state` as its file holds it: pretty JSON with its integrity check, and a newline.
    static func encoded(_ state: ProgressStateFile, file: URL) throws(ProgressError) -> Data {
        try ProgressCodec.sealed(state, by: ProgressCodec.fileEncoder(), file: file.path) + [0x0A]
    }

    /// Writes `lines` as the whole log at `url` (atomically); returns its size.
    static func writeLog(_ lines: [ProgressLogLine], to url: URL) throws(ProgressError) -> Int {
        let encoder = ProgressCodec.lineEncoder()
        var data = Data()
        for line in lines {
            data.append(try ProgressCodec.sealed(line, by: encoder, file: url.path))
            data.append(0x0A)
        }
        try ProgressFiles.replace(url, with: data)
        return data.count
    }

    /// Writes the state file now (keeping the previous one as `<file>.bak`).
    package func compact() throws(ProgressError) {
        guard lock != nil else { throw .closed(file: url.path) }
        try writeState()
    }

    private func writeState() throws(ProgressError) {
        state.format = ProgressStateFile.currentFormat  // every line it wrote has its check
        state.logLines = lines
        state.logBytes = bytes
        let data = try Self.encoded(state, file: url)
        if ProgressFiles.exists(url) { try ProgressFiles.preserve(url, as: ProgressFiles.backup(of: url)) }
        try ProgressFiles.replace(url, with: data)
        try? lock?.hold(url)  // the new file is what a second name would reach now
        dirty = false
    }

    /// Writes the state if anything was recorded, then releases the lock.
    ///
    /// Throws if the state cannot be written (a full disk, a file-size limit); nothing is lost
    /// then: the log holds every change, and the next open applies it.
    public func finish() throws(ProgressError) {
        guard let lock else { return }
        defer {
            logFile.close()
            lock.release()
            self.lock = nil
        }
        if dirty { try writeState() }
    }

    /// ``finish()``, ignoring a failure to rewrite the state (the log holds every change).
    ///
    /// Called by `deinit` too.
    public func close() {
        try? finish()
    }

    // MARK: Queries

    /// The items with a card or a review that are not in `knownItemIDs` (items dropped from the
    /// banks), sorted.
    ///
    /// Their cards and history are kept.
    package func orphans(knownItemIDs: Set<String>) -> [String] {
        document.orphans(knownItemIDs: knownItemIDs)
    }
}
