import Foundation

/// Everything a learner's progress holds, read whole: the state (learner, settings, cards) and the
/// answers of the review log still in effect.
///
/// What `progress show`, `report` and tests look at; see ``ProgressStore`` for recording.
package struct ProgressDocument: Sendable, Hashable {
    /// The learner's name (as given with `--learner`).
    package var learner: String
    /// When the progress was started.
    package var created: Date
    /// When it last changed.
    package var updated: Date
    /// The scheduler and its settings.
    package var settings: SchedulerSettings
    /// Each item's card, by item id.
    ///
    /// Cards of items no longer in any bank are kept.
    package var cards: [String: Card]
    /// Every answer in effect, oldest first.
    package var reviews: [ReviewLogEntry]
    /// For each review (same indices as `reviews`), the phase of the card before it, when known.
    package var phasesBefore: [CardPhase?]

    package init(
        learner: String, created: Date, updated: Date? = nil,
        settings: SchedulerSettings = SchedulerSettings(), cards: [String: Card] = [:],
        reviews: [ReviewLogEntry] = [], phasesBefore: [CardPhase?]? = nil
    ) {
        self.learner = learner
        self.created = created
        self.updated = updated ?? created
        self.settings = settings
        self.cards = cards
        self.reviews = reviews
        self.phasesBefore = phasesBefore ?? Array(repeating: nil, count: reviews.count)
    }

    /// The state's learner, settings and cards with the answers of `history`.
    init(state: ProgressStateFile, history: ReviewHistory?) {
        self.init(
            learner: state.learner, created: state.created, updated: state.updated, settings: state.settings,
            cards: state.cards, reviews: history?.reviews ?? [], phasesBefore: history?.phasesBefore ?? [])
    }

    /// The items with a card or a review that are not in `knownItemIDs`, sorted.
    package func orphans(knownItemIDs: Set<String>) -> [String] {
        var ids = Set(cards.keys)
        for review in reviews { ids.insert(review.itemID) }
        return ids.subtracting(knownItemIDs).sorted()
    }

    /// Reads the progress at `url` without taking its lock and without changing any file, so it
    /// works while a session records into it: the state, then every acknowledged line of the log (a
    /// line being written is left out).
    ///
    /// A format 1 or 2 file is converted in memory only. A damaged line is an error naming the log
    /// and the line, never a partial result. `nil` if there is no progress at `url`.
    package static func read(at url: URL) throws(ProgressError) -> (
        document: ProgressDocument, warnings: [String]
    )? {
        let url = url.standardizedFileURL
        var attempts = 0
        while true {
            // A writer replaces the state (and, in a rebuild, the log) by renaming new files over
            // them; if that happened while this read, read again.
            attempts += 1
            let before = ProgressFiles.identity(url)
            do {
                guard let loaded = try ProgressLoader.load(url, wholeLog: true) else { return nil }
                guard ProgressFiles.identity(url) == before || attempts == 3 else { continue }
                var warnings = loaded.warnings
                if let format = loaded.migratedFrom {
                    warnings.append(
                        "\(url.path) has format \(format); srmquiz converts it to format "
                            + "\(ProgressStateFile.currentFormat) the next time it records progress")
                }
                return (ProgressDocument(state: loaded.state, history: loaded.history), warnings)
            } catch {
                if ProgressFiles.identity(url) == before || attempts == 3 { throw error }
            }
        }
    }
}
