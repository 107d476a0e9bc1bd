import Foundation

/// Progress in formats 1 and 2 (one JSON document holding the log, plus a journal of changes since
/// it was written), read only to migrate it to format 3.
///
/// See `docs/progress-format.md`.
struct LegacyProgress: Sendable {
    var learner: String
    var created: Date
    var updated: Date
    var settings = SchedulerSettings()
    var cards: [String: Card]
    var reviews: [ReviewLogEntry]
    var phasesBefore: [CardPhase?]
    /// The cards the latest answers replaced (the last belongs to the last review).
    var undo: [Card?] = []
    /// How many journal events the file holds.
    var sequence = 0

    /// Reads a format 1 or 2 document from `data` (`file` names it in errors) and applies the
    /// journal beside it.
    static func read(_ data: [UInt8], format: Int, file: URL) throws(ProgressError) -> LegacyProgress {
        let decoder = ProgressCodec.decoder(legacy: true)
        var progress: LegacyProgress
        do {
            progress =
                format == 1
                ? try decoder.decode(ProgressFormatV1.self, from: Data(data)).migrated()
                : try decoder.decode(LegacyProgress.self, from: Data(data))
        } catch let error as DecodingError {
            throw ProgressCodec.progressError(error, file: file.path, data: Data(data))
        } catch {
            throw .invalidJSON(file: file.path, line: nil, column: nil, message: "\(error)")
        }
        let journal = ProgressFiles.journal(of: file)
        guard ProgressFiles.exists(journal) else { return progress }
        let lines = try ProgressFiles.read(journal).split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            // A torn last line was never acknowledged: left out, as format 2 did.
            guard let event = try? decoder.decode(ProgressJournalEvent.self, from: Data(line)) else {
                if index >= lines.count - 2 { break }
                throw .logDamaged(
                    file: journal.path, line: index + 1, offset: nil, message: "not a journal event")
            }
            guard event.seq > progress.sequence else { continue }
            if let problem = progress.apply(event) {
                throw .logDamaged(file: journal.path, line: index + 1, offset: nil, message: problem)
            }
        }
        return progress
    }

    /// Applies a journal event, or says why it cannot.
    mutating func apply(_ event: ProgressJournalEvent) -> String? {
        guard event.seq == sequence + 1 else { return "expected event \(sequence + 1), found \(event.seq)" }
        switch event.event {
        case .record:
            guard let entry = event.entry, let card = event.card else {
                return "a record needs entry and card"
            }
            reviews.append(entry)
            phasesBefore.append(event.phaseBefore)
            undo.append(event.previous)
            cards[entry.itemID] = card
        case .undo:
            guard let entry = event.entry, reviews.last == entry, !undo.isEmpty else {
                return "undoes an answer that is not the last one recorded"
            }
            reviews.removeLast()
            phasesBefore.removeLast()
            undo.removeLast()
            cards[entry.itemID] = event.card
        case .settings:
            guard let settings = event.settings else { return "a settings event needs settings" }
            self.settings = settings
        }
        sequence = event.seq
        updated = max(updated, event.at)
        return nil
    }

    /// The same progress as format 3 log lines: one review line per answer with its phase
    /// before; for the answers whose replaced card was kept (the undo history), the cards
    /// before and after, so they can still be undone.
    func logLines() -> [ProgressLogLine] {
        var lines = zip(reviews, phasesBefore).map {
            ProgressLogLine(event: .review, review: $0, phaseBefore: $1)
        }
        var current = cards
        for (k, previous) in undo.enumerated().reversed() {
            let index = reviews.count - undo.count + k
            let item = reviews[index].itemID
            lines[index].after = current[item]
            lines[index].before = previous
            current[item] = previous
        }
        return lines
    }
}

extension LegacyProgress: Decodable {
    enum CodingKeys: String, CodingKey {
        case learner, created, updated, settings, cards, reviews, undo, sequence
    }

    /// A format 2 document.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        learner = try c.decode(String.self, forKey: .learner)
        created = try c.decode(Date.self, forKey: .created)
        updated = try c.decodeIfPresent(Date.self, forKey: .updated) ?? created
        settings = try c.decodeIfPresent(SchedulerSettings.self, forKey: .settings) ?? SchedulerSettings()
        cards = try c.decodeIfPresent([String: Card].self, forKey: .cards) ?? [:]
        let stored = try c.decodeIfPresent([StoredReview].self, forKey: .reviews) ?? []
        reviews = stored.map(\.entry)
        phasesBefore = stored.map(\.phaseBefore)
        undo = try c.decodeIfPresent([UndoStep].self, forKey: .undo)?.map(\.previous) ?? []
        guard undo.count <= reviews.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .undo, in: c,
                debugDescription: "has \(undo.count) steps but there are only \(reviews.count) reviews")
        }
        sequence = try c.decodeIfPresent(Int.self, forKey: .sequence) ?? 0
    }

    /// A format 2 review: the log entry's fields plus the phase before it.
    private struct StoredReview: Decodable {
        var entry: ReviewLogEntry
        var phaseBefore: CardPhase?

        enum CodingKeys: String, CodingKey { case phaseBefore }

        init(from decoder: any Decoder) throws {
            entry = try ReviewLogEntry(from: decoder)
            phaseBefore = try decoder.container(keyedBy: CodingKeys.self)
                .decodeIfPresent(CardPhase.self, forKey: .phaseBefore)
        }
    }

    /// One element of the format 2 undo history.
    private struct UndoStep: Decodable {
        var previous: Card?
    }
}
