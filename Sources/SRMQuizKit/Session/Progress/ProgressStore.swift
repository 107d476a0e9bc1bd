import Foundation

/// A learner's progress file, open for reading and recording.
///
/// Durability: each change is appended to `<file>.journal` as one fsynced JSON line before the
/// call returns; the journal is folded into the file (compaction: temporary file, fsync, rename,
/// folder fsync, the previous file kept as `<file>.bak`) when the store is opened with a journal
/// present, by ``compact()`` and by ``close()``. An exclusive lock on `<file>.lock` keeps a second
/// process out while the store is open. See `docs/progress-format.md`.
public final class ProgressStore: ReviewStore {
    /// The progress file.
    public let url: URL
    /// Everything the file holds, with the journal applied.
    public private(set) var document: ProgressDocument
    /// Things noticed while opening that the learner should hear about (a torn journal line, a
    /// migrated format), one sentence each.
    public private(set) var warnings: [String]

    private let clock: any Clock
    private var lock: ProgressLock?
    private let journal: ProgressJournal
    /// Journal events written since the file was last compacted.
    private var pendingEvents = 0

    private init(
        url: URL, document: ProgressDocument, clock: any Clock, lock: ProgressLock, warnings: [String]
    ) {
        self.url = url
        self.document = document
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
                url: url, document: loaded.document, clock: clock, lock: lock, warnings: warnings)
            if loaded.needsCompaction { try store.compact() }
        } else {
            let document = ProgressDocument(learner: learner, created: clock.now(), settings: settings)
            store = ProgressStore(url: url, document: document, clock: clock, lock: lock, warnings: warnings)
            try store.compact()
        }
        return store
    }

    /// Reads the file and its journal (nil if there is no file and nothing left of one).
    static func load(_ url: URL, warnings: inout [String]) throws(ProgressError) -> (
        document: ProgressDocument, needsCompaction: Bool
    )? {
        let journalURL = ProgressFiles.journal(of: url)
        guard ProgressFiles.exists(url) else {
            for leftover in [journalURL, ProgressFiles.backup(of: url)] where ProgressFiles.exists(leftover) {
                throw .missingWithLeftovers(file: url.path, leftover: leftover.path)
            }
            return nil
        }
        let decoded = try ProgressCodec.decode(try ProgressFiles.read(url), file: url.path)
        var document = decoded.document
        var needsCompaction = false
        if decoded.format != ProgressDocument.currentFormat {
            warnings.append(
                "\(url.path): migrated from format \(decoded.format) to \(ProgressDocument.currentFormat); "
                    + "the old file is kept as \(ProgressFiles.backup(of: url).lastPathComponent)")
            needsCompaction = true
        }
        let contents = try ProgressJournal.read(journalURL)
        for (index, event) in contents.events.enumerated() where event.seq > document.sequence {
            guard event.seq == document.sequence + 1 else {
                throw .journalCorrupt(
                    file: journalURL.path, line: index + 1,
                    message: "expected event \(document.sequence + 1), found \(event.seq)")
            }
            if let problem = document.apply(event) {
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
        return (document, needsCompaction)
    }

    // MARK: ReviewStore

    public var settings: SchedulerSettings { document.settings }
    public var cards: [String: Card] { document.cards }
    public var log: [ReviewLogEntry] { document.reviews }
    /// The learner's name, as stored in the file.
    public var learner: String { document.learner }

    /// Records `entry` and the item's new `card`; on disk (journal line fsynced) before it returns.
    public func record(_ entry: ReviewLogEntry, card: Card) throws(ProgressError) {
        let previous = document.cards[entry.itemID]
        try append(
            ProgressJournalEvent(
                seq: document.sequence + 1, event: .record, at: clock.now(), entry: entry, card: card,
                previous: previous, phaseBefore: previous?.phase ?? .new))
    }

    /// Takes back the last answer and restores exactly the card it replaced. Returns `nil` if
    /// there is no answer; throws ``ProgressError/undoUnavailable(file:)`` past the kept history.
    @discardableResult
    public func undoLast() throws(ProgressError) -> ReviewLogEntry? {
        guard let last = document.reviews.last else { return nil }
        guard let restored = document.undo.last else { throw .undoUnavailable(file: url.path) }
        try append(
            ProgressJournalEvent(
                seq: document.sequence + 1, event: .undo, at: clock.now(), entry: last, card: restored))
        return last
    }

    /// Changes the scheduler settings (durably, like an answer).
    public func updateSettings(_ settings: SchedulerSettings) throws(ProgressError) {
        try append(
            ProgressJournalEvent(
                seq: document.sequence + 1, event: .settings, at: clock.now(), settings: settings))
    }

    private func append(_ event: ProgressJournalEvent) throws(ProgressError) {
        guard lock != nil else { throw .closed(file: url.path) }
        if let problem = document.problem(applying: event) {
            throw .encoding(file: journal.url.path, message: problem)
        }
        try journal.append(event)
        _ = document.apply(event)  // in place: copying 200,000 reviews per answer would cost milliseconds
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
        guard phasesBefore.count == document.reviews.count else {
            throw .encoding(
                file: url.path, message: "phases do not match the \(document.reviews.count) reviews")
        }
        var next = document
        next.cards = cards
        next.phasesBefore = phasesBefore
        next.settings = settings
        next.undo = []
        next.updated = max(next.updated, clock.now())
        try write(next)
        document = next
    }

    /// Writes everything into the progress file and empties the journal. The file replaced is
    /// kept as `<file>.bak`.
    public func compact() throws(ProgressError) {
        guard lock != nil else { throw .closed(file: url.path) }
        try write(document)
    }

    private func write(_ document: ProgressDocument) throws(ProgressError) {
        let data = try ProgressCodec.encode(document, file: url.path)
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
        if pendingEvents > 0 { try? write(document) }
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
