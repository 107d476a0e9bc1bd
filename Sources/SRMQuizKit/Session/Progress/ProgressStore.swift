import Foundation

/// A learner's progress file, open for reading and recording.
///
/// Durability: each change is appended to `<file>.journal` as one fsynced JSON line before the
/// call returns; the journal is folded into the file (compaction: temporary file, fsync, rename,
/// folder fsync, the previous file kept as `<file>.bak`) when the store is opened with a journal
/// present, by ``compact()`` and by ``close()``. An exclusive lock on `<file>.lock` keeps a second
/// process out while the store is open. See `docs/progress-format.md`.
///
/// The review log is lazy: opening decodes the settings, cards and undo history and only skims
/// over the log; ``reviews(since:)`` decodes just the latest reviews, and the whole log is decoded
/// when first needed (``log``, ``document``, ``loadLog()``, a compaction).
public final class ProgressStore: ReviewStore {
    /// The progress file.
    public let url: URL
    /// Everything the file holds, with the journal applied (the whole log is decoded first; if it
    /// cannot be, see ``logError``).
    public var document: ProgressDocument {
        loadLogRecordingError()
        return state.loaded
    }
    /// Things noticed while opening that the learner should hear about (a torn journal line, a
    /// migrated format), one sentence each.
    public private(set) var warnings: [String]

    /// Why the review log could not be decoded when it was needed, if it could not. The file is
    /// then never rewritten (every compaction throws this error), and ``log`` holds only the
    /// reviews that could be read from its end.
    public private(set) var logError: ProgressError?

    /// The document, with the log's undecoded prefix.
    private var state: ProgressState
    private let clock: any Clock
    private var lock: ProgressLock?
    private let journal: ProgressJournal
    /// Journal events written since the file was last compacted.
    private var pendingEvents = 0

    private init(
        url: URL, state: ProgressState, clock: any Clock, lock: ProgressLock, warnings: [String]
    ) {
        self.url = url
        self.state = state
        self.clock = clock
        self.lock = lock
        self.warnings = warnings
        journal = ProgressJournal(url: ProgressFiles.journal(of: url))
    }

    deinit { close() }

    // MARK: Opening

    /// Opens the progress file at `url`, creating it (and its folder, mode 0700) for `learner`
    /// with `settings` if neither it nor any leftover of it exists. Takes the file's lock,
    /// applies the journal and, if there was one, compacts. A file that cannot be read is left
    /// untouched and reported.
    public static func open(
        at url: URL, learner: String, createWith settings: SchedulerSettings, clock: any Clock
    ) throws(ProgressError) -> ProgressStore {
        let url = url.standardizedFileURL
        try ProgressFiles.makeFolder(url.deletingLastPathComponent())
        let lock = try ProgressLock.acquire(for: url)
        var warnings: [String] = []
        let loaded = try load(url, warnings: &warnings)
        let store: ProgressStore
        if let loaded {
            store = ProgressStore(
                url: url, state: loaded.state, clock: clock, lock: lock, warnings: warnings)
            if loaded.needsCompaction { try store.compact() }
        } else {
            let document = ProgressDocument(learner: learner, created: clock.now(), settings: settings)
            store = ProgressStore(
                url: url, state: ProgressState(document: document), clock: clock, lock: lock,
                warnings: warnings)
            try store.compact()
        }
        return store
    }

    /// Reads the file (up to its review log) and its journal (nil if there is no file and nothing
    /// left of one).
    static func load(_ url: URL, warnings: inout [String]) throws(ProgressError) -> (
        state: ProgressState, needsCompaction: Bool
    )? {
        let journalURL = ProgressFiles.journal(of: url)
        guard ProgressFiles.exists(url) else {
            for leftover in [journalURL, ProgressFiles.backup(of: url)] where ProgressFiles.exists(leftover) {
                throw .missingWithLeftovers(file: url.path, leftover: leftover.path)
            }
            return nil
        }
        let head = try ProgressFileReader.read(url)
        var state = ProgressState(head: head)
        var needsCompaction = false
        if head.format != ProgressDocument.currentFormat {
            warnings.append(
                "\(url.path): migrated from format \(head.format) to \(ProgressDocument.currentFormat); "
                    + "the old file is kept as \(ProgressFiles.backup(of: url).lastPathComponent)")
            needsCompaction = true
        }
        let contents = try ProgressJournal.read(journalURL)
        for (index, event) in contents.events.enumerated() where event.seq > state.loaded.sequence {
            guard event.seq == state.loaded.sequence + 1 else {
                throw .journalCorrupt(
                    file: journalURL.path, line: index + 1,
                    message: "expected event \(state.loaded.sequence + 1), found \(event.seq)")
            }
            if let problem = try state.apply(event) {
                throw .journalCorrupt(file: journalURL.path, line: index + 1, message: problem)
            }
        }
        if let torn = contents.tornBytes {
            warnings.append(
                "\(journalURL.path): ignored an incomplete last line (\(torn) bytes), written when "
                    + "srmquiz stopped mid-answer; that answer was not recorded")
        }
        if !contents.events.isEmpty || contents.tornBytes != nil || ProgressFiles.exists(journalURL) {
            needsCompaction = true
        }
        return (state, needsCompaction)
    }

    /// Whether the file at `url` (and its journal) reads completely, review log included.
    static func readsCompletely(_ url: URL) -> Bool {
        var ignored: [String] = []
        guard var loaded = try? load(url, warnings: &ignored) else { return false }
        return (try? loaded.state.loadLog()) != nil
    }

    // MARK: ReviewStore

    public var settings: SchedulerSettings { state.loaded.settings }
    public var cards: [String: Card] { state.loaded.cards }
    /// Every answer, oldest first. Decodes the whole log on first use (if that fails, see
    /// ``logError``).
    public var log: [ReviewLogEntry] {
        loadLogRecordingError()
        return state.loaded.reviews
    }
    /// The learner's name, as stored in the file.
    public var learner: String { state.loaded.learner }

    /// The answers given at or after `date`, oldest first: `log.filter { $0.time >= date }`, but
    /// decoding only the end of the log, which is in time order (the part that is not, after a
    /// clock was set back, is looked at whole). If a review cannot be read, the ones after it
    /// are returned and ``logError`` says why.
    public func reviews(since date: Date) -> [ReviewLogEntry] {
        do {
            return try state.reviews(since: date)
        } catch {
            logError = error
            return state.loaded.reviews.filter { $0.time >= date }
        }
    }

    /// Whether the whole review log has been decoded (``open(at:learner:createWith:clock:)``
    /// leaves it undecoded).
    public var isLogLoaded: Bool { state.isLogLoaded }

    /// How many bytes of the review log (from its `[` on) have been read from the file so far:
    /// 0 after ``open(at:learner:createWith:clock:)`` for files this version wrote, a little after
    /// ``reviews(since:)``, all of it once the log is decoded.
    public var logBytesRead: Int { state.logBytesRead }

    /// How many answers the log holds (known without decoding it).
    public var reviewCount: Int { state.reviewCount }

    /// Decodes the whole review log now, reporting a review that cannot be read (the file is
    /// then left as it is).
    public func loadLog() throws(ProgressError) {
        do {
            try state.loadLog()
        } catch {
            logError = error
            throw error
        }
    }

    private func loadLogRecordingError() {
        if !state.isLogLoaded { try? loadLog() }
    }

    /// Records `entry` and the item's new `card`; on disk (journal line fsynced) before it returns.
    public func record(_ entry: ReviewLogEntry, card: Card) throws(ProgressError) {
        let previous = state.loaded.cards[entry.itemID]
        try append(
            ProgressJournalEvent(
                seq: state.loaded.sequence + 1, event: .record, at: clock.now(), entry: entry, card: card,
                previous: previous, phaseBefore: previous?.phase ?? .new))
    }

    /// Takes back the last answer and restores exactly the card it replaced. Returns `nil` if
    /// there is no answer; throws ``ProgressError/undoUnavailable(file:)`` past the kept history.
    @discardableResult
    public func undoLast() throws(ProgressError) -> ReviewLogEntry? {
        guard let last = try state.lastReview() else { return nil }
        guard let restored = state.loaded.undo.last else { throw .undoUnavailable(file: url.path) }
        try append(
            ProgressJournalEvent(
                seq: state.loaded.sequence + 1, event: .undo, at: clock.now(), entry: last, card: restored))
        return last
    }

    /// Changes the scheduler settings (durably, like an answer).
    public func updateSettings(_ settings: SchedulerSettings) throws(ProgressError) {
        try append(
            ProgressJournalEvent(
                seq: state.loaded.sequence + 1, event: .settings, at: clock.now(), settings: settings))
    }

    private func append(_ event: ProgressJournalEvent) throws(ProgressError) {
        guard lock != nil else { throw .closed(file: url.path) }
        if let problem = try state.problem(applying: event) {
            throw .encoding(file: journal.url.path, message: problem)
        }
        try journal.append(event)
        // In place: copying 200,000 reviews per answer would cost milliseconds. Cannot fail: the
        // last review was decoded by `problem(applying:)`.
        _ = try? state.apply(event)
        pendingEvents += 1
    }

    // MARK: Whole-file changes

    /// Replaces every card, the settings and the phases before reviews at once (as `progress
    /// rebuild` does) and writes the file. The undo history is cleared: its cards belong to the
    /// old schedule.
    public func replaceCards(
        _ cards: [String: Card], phasesBefore: [CardPhase?], settings: SchedulerSettings
    ) throws(ProgressError) {
        guard lock != nil else { throw .closed(file: url.path) }
        try loadLog()
        guard phasesBefore.count == state.reviewCount else {
            throw .encoding(
                file: url.path, message: "phases do not match the \(state.reviewCount) reviews")
        }
        var next = state.loaded
        next.cards = cards
        next.phasesBefore = phasesBefore
        next.settings = settings
        next.undo = []
        next.updated = max(next.updated, clock.now())
        try write(next)
        state.replace(with: next)
    }

    /// Writes everything into the progress file and empties the journal. The file replaced is
    /// kept as `<file>.bak`.
    public func compact() throws(ProgressError) {
        guard lock != nil else { throw .closed(file: url.path) }
        try loadLog()
        try write(state.loaded)
    }

    private func write(_ document: ProgressDocument) throws(ProgressError) {
        let data = try ProgressFileWriter.encode(document, file: url.path)
        if ProgressFiles.exists(url) { try ProgressFiles.preserve(url, as: ProgressFiles.backup(of: url)) }
        try ProgressFiles.replace(url, with: data)
        journal.close()
        try ProgressFiles.remove(journal.url)
        try ProgressFiles.syncFolder(of: url)
        pendingEvents = 0
    }

    /// Compacts if anything was recorded since the last compaction (a failure leaves the journal,
    /// which holds every change), then releases the lock. Called by `deinit` too.
    public func close() {
        guard let lock else { return }
        if pendingEvents > 0 { try? compact() }
        journal.close()
        lock.release()
        self.lock = nil
    }

    // MARK: Queries

    /// The items with a card or a review that are not in `knownItemIDs` (items dropped from the
    /// banks), sorted. Their cards and history are kept.
    public func orphans(knownItemIDs: Set<String>) -> [String] {
        document.orphans(knownItemIDs: knownItemIDs)
    }
}

extension ProgressDocument {
    /// The items with a card or a review that are not in `knownItemIDs`, sorted.
    public func orphans(knownItemIDs: Set<String>) -> [String] {
        var ids = Set(cards.keys)
        for review in reviews { ids.insert(review.itemID) }
        return ids.subtracting(knownItemIDs).sorted()
    }
}
