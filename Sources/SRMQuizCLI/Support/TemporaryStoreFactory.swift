// TEMPORARY: a simple JSON review store until the progress branch's ProgressStore lands on main;
// replaced at merge by `ProgressStore.open(at:learner:createWith:clock:)`.
import Foundation
import SRMQuizKit

/// Opens the learner's review store.
enum StoreFactory {
    static func open(_ options: LearnerOptions, createWith settings: SchedulerSettings) throws -> any ReviewStore {
        try TemporaryJSONReviewStore(path: options.file(), createWith: settings)
    }
}

/// TEMPORARY: the whole progress as one JSON file, rewritten atomically on every change.
final class TemporaryJSONReviewStore: ReviewStore {
    struct Document: Codable {
        var settings: SchedulerSettings
        var cards: [String: Card]
        var log: [ReviewLogEntry]
        var undo: [String: Card?]?
    }

    struct StoreError: Error, CustomStringConvertible {
        var description: String
    }

    let path: String
    private var document: Document
    private var previousCards: [Card?] = []

    init(path: String, createWith settings: SchedulerSettings) throws {
        self.path = path
        if FileManager.default.fileExists(atPath: path) {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .secondsSince1970
                document = try decoder.decode(Document.self, from: data)
            } catch {
                throw StoreError(description: "\(path): cannot read progress: \(error)")
            }
        } else {
            document = Document(settings: settings, cards: [:], log: [])
        }
    }

    var settings: SchedulerSettings { document.settings }
    var cards: [String: Card] { document.cards }
    var log: [ReviewLogEntry] { document.log }

    func record(_ entry: ReviewLogEntry, card: Card) throws {
        var next = document
        previousCards.append(next.cards[entry.itemID])
        next.cards[entry.itemID] = card
        next.log.append(entry)
        try save(next)
        document = next
    }

    func undoLast() throws -> ReviewLogEntry? {
        guard let last = document.log.last, let previous = previousCards.popLast() else { return nil }
        var next = document
        next.log.removeLast()
        next.cards[last.itemID] = previous
        try save(next)
        document = next
        return last
    }

    private func save(_ document: Document) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        do {
            try encoder.encode(document).write(to: url, options: .atomic)
        } catch {
            throw StoreError(description: "\(path): cannot write progress: \(error)")
        }
    }
}
