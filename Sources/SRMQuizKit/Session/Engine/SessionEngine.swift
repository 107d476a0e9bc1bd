import Foundation

/// Runs one session: chooses the questions, grades answers, records them through the
/// ``ReviewStore`` (durably, before the next question) and takes them back on `undo`.
///
/// Pure apart from the injected store, clock and seed: the same inputs give the same session.
package final class SessionEngine {
    package let configuration: SessionConfiguration
    package let scheduler: any Scheduler
    /// The items this session may ask, by id.
    package let itemsByID: [String: Item]
    /// The day's queue as first built (study mode), for the welcome line.
    package let studyQueue: StudyQueue?

    private let store: any ReviewStore
    private let clock: any Clock
    private var rng: SeededGenerator
    private var state: State
    private var undoStack: [(state: State, recorded: Bool)] = []

    private struct State {
        var queue: [QueueEntry]
        var learning: [QueueEntry]
        var current: QueueEntry?
        var stats: SessionStats
    }

    /// A session over `items` for the learner behind `store`.
    package init(
        items: [Item], store: any ReviewStore, scheduler: any Scheduler,
        configuration: SessionConfiguration = SessionConfiguration(), clock: any Clock
    ) {
        self.configuration = configuration
        self.scheduler = scheduler
        self.store = store
        self.clock = clock
        self.rng = SeededGenerator(seed: configuration.seed)
        self.itemsByID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = clock.now()
        var queue: [QueueEntry] = []
        var learning: [QueueEntry] = []
        var built: StudyQueue?
        switch configuration.mode {
        case .study:
            let builder = StudyQueueBuilder(
                newPerDay: configuration.newPerDay ?? store.settings.newPerDay,
                limit: configuration.limit, calendar: configuration.calendar, examDate: configuration.examDate
            )
            // Only today's answers matter: don't make the store read a long history.
            let today = store.reviews(since: configuration.calendar.startOfDay(for: now))
            let day = builder.build(
                items: items, cards: store.cards, log: today, scheduler: scheduler, now: now)
            queue = day.entries
            learning = day.learningLater
            built = day
        case .quiz:
            var shuffler = SeededGenerator(seed: configuration.seed)
            var pool = SeededShuffle.shuffled(
                items.filter { configuration.filter.matches($0) }, using: &shuffler)
            if let count = configuration.count { pool = Array(pool.prefix(max(0, count))) }
            queue = SiblingSpacing.spread(pool).map { QueueEntry(itemID: $0.id, reason: .practice) }
        case .cram:
            let pool = Self.hardestFirst(
                items.filter { configuration.filter.matches($0) }, cards: store.cards,
                scheduler: scheduler, now: now)
            let chosen = configuration.count.map { Array(pool.prefix(max(0, $0))) } ?? pool
            queue = SiblingSpacing.spread(chosen).map { QueueEntry(itemID: $0.id, reason: .cram) }
        }
        studyQueue = built
        state = State(queue: queue, learning: learning, current: nil, stats: SessionStats(startedAt: now))
    }

    /// Cram order: seen cards by retrievability (lowest first), then most lapses; never-seen
    /// items last; ties by id.
    package static func hardestFirst(
        _ items: [Item], cards: [String: Card], scheduler: any Scheduler, now: Date
    ) -> [Item] {
        let keyed = items.map { item -> (Item, Bool, Double, Int) in
            guard let card = cards[item.id], card.phase != .new else { return (item, false, 1, 0) }
            return (item, true, scheduler.retrievability(of: card, at: now), card.lapses)
        }
        return keyed.sorted { a, b in
            if a.1 != b.1 { return a.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            if a.3 != b.3 { return a.3 > b.3 }
            return a.0.id < b.0.id
        }.map(\.0)
    }

    // MARK: - Reading the state

    /// The session's tallies so far.
    package var stats: SessionStats { state.stats }
    /// The question being asked, if any.
    package var current: QueueEntry? { state.current }
    /// The item being asked, if any.
    package var currentItem: Item? { state.current.flatMap { itemsByID[$0.itemID] } }
    /// Questions still waiting (not counting the current one or learning cards not yet due).
    package var remaining: Int { state.queue.count }
    /// Learning cards that will come back later in the session.
    package var learningPending: Int { state.learning.count }
    /// Whether another answer can be taken back.
    package var canUndo: Bool { !undoStack.isEmpty }
    /// The learner's card for `itemID`, if it has one.
    package func card(for itemID: String) -> Card? { store.cards[itemID] }

    /// Whether the learner has answered anything before this session (a card that is not new).
    package var learnerHasHistory: Bool { store.cards.values.contains { $0.phase != .new } }

    /// The line offering `srmquiz intro`, on a learner's first study session only.
    package var introOffer: String? {
        IntroScreen.offer(mode: configuration.mode, answeredBefore: learnerHasHistory || stats.answered > 0)
    }

    /// Grades an owner typed on a flashcard's front (`aws`, `customer`, `shared`): right when
    /// the card accepts that owner (its `owner:` or `accepts:` tags); proposes Good when right,
    /// Again when wrong, for the learner to accept with Enter or override.
    package static func grade(typed owner: Owner, on item: Item) -> TypedGrade {
        let accepted = Set(
            (item.values(of: "owner") + item.values(of: "accepts")).compactMap(Owner.init(rawValue:)))
        let correct = accepted.contains(owner)
        let rating: Rating = correct ? .good : .again
        let verdict = correct ? "Right: \(owner.displayName)." : "Not quite: you typed \(owner.displayName)."
        return TypedGrade(
            owner: owner, correct: correct, rating: rating,
            message: "\(verdict) Enter accepts \(rating.rawValue) \(rating.displayName), or rate 1–4.")
    }

    /// When the learner's next review falls due after this session: the earliest due date of a
    /// card that is not new (`nil` if there is none).
    package func nextDue() -> Date? {
        store.cards.values.lazy.filter { $0.phase != .new }.map(\.due).min()
    }

    /// Cards due by `date` (not counting new ones).
    package func dueCount(by date: Date) -> Int {
        store.cards.values.reduce(0) { $0 + ($1.phase != .new && $1.due <= date ? 1 : 0) }
    }

    // MARK: - Asking

    /// Moves to the next question and returns it, or `nil` when the session is over (nothing left,
    /// or `limit` answers given).
    ///
    /// Returns the current question again if it is unanswered.
    @discardableResult package func next() -> Item? {
        if let current = state.current { return itemsByID[current.itemID] }
        if let limit = configuration.limit, state.stats.answered >= limit { return nil }
        let now = clock.now()
        while true {
            let entry: QueueEntry
            if let first = state.learning.first, (first.due ?? now) <= now {
                entry = state.learning.removeFirst()
            } else if !state.queue.isEmpty {
                entry = state.queue.removeFirst()
            } else if let first = state.learning.first,
                (first.due ?? now) <= now.addingTimeInterval(configuration.learnAhead)
            {
                entry = state.learning.removeFirst()
            } else {
                return nil
            }
            if let item = itemsByID[entry.itemID] {
                state.current = entry
                return item
            }
        }
    }

    /// Drops the current question from this session without answering it.
    package func skip() throws(SessionError) {
        guard state.current != nil else { throw .noCurrentQuestion }
        undoStack.append((state, false))
        state.current = nil
        state.stats.skipped += 1
    }

    /// Grades `response` to the current question, records it (unless this session does not record)
    /// and returns the outcome.
    ///
    /// `duration` is the time the learner took, in seconds.
    @discardableResult
    package func answer(_ response: LearnerResponse, duration: TimeInterval, hintUsed: Bool = false)
        throws(SessionError) -> AnswerResult
    {
        guard let entry = state.current, let item = itemsByID[entry.itemID] else {
            throw .noCurrentQuestion
        }
        let correct: Bool?
        let rating: Rating
        let typed: String
        switch response {
        case .choices(let chosen):
            guard item.kind.hasChoices, chosen.allSatisfy({ item.choices.indices.contains($0) }) else {
                throw .responseDoesNotFit(
                    itemID: item.id, expected: "choices a–\(Self.letter(item.choices.count - 1))")
            }
            let right = Set(item.answers.compactMap { item.choices.firstIndex(of: $0) })
            correct = chosen == right
            rating = configuration.timing.rating(
                for: item, correct: chosen == right, duration: duration, hintUsed: hintUsed)
            typed = chosen.sorted().map(Self.letter).joined(separator: ",")
        case .selfRating(let given):
            correct = nil
            rating = given
            typed = String(given.rawValue)
        }

        let before = state
        let now = clock.now()
        var newCard: Card?
        if configuration.records {
            let card = store.cards[item.id] ?? Card.new(at: now)
            let reviewed = scheduler.review(card, rating: rating, at: now, rng: &rng)
            let logEntry = ReviewLogEntry(
                itemID: item.id, time: now, rating: rating, answer: typed, correct: correct,
                durationMs: Int((max(0, duration) * 1000).rounded()), mode: configuration.mode.rawValue)
            do {
                try store.record(logEntry, card: reviewed)
            } catch {
                throw .store(String(describing: error))
            }
            newCard = reviewed
            if configuration.mode == .study, reviewed.phase == .learning || reviewed.phase == .relearning {
                let dayStart = configuration.calendar.startOfDay(for: now)
                let dayEnd = configuration.calendar.date(byAdding: .day, value: 1, to: dayStart) ?? now
                if reviewed.due < dayEnd {
                    insertLearning(QueueEntry(itemID: item.id, reason: .learning, due: reviewed.due))
                }
            }
        } else if configuration.mode == .cram, rating == .again {
            appendApartFromSiblings(QueueEntry(itemID: item.id, reason: .cram), item: item)
        }
        undoStack.append((before, configuration.records))
        state.current = nil
        state.stats.count(item, correct: correct, rating: rating)
        return AnswerResult(
            item: item, correct: correct, rating: rating, card: newCard, recorded: configuration.records)
    }

    /// Takes back the last answer (or skip): the store forgets it, the card is restored, and its
    /// item becomes the current question again.
    ///
    /// Returns that item, or `nil` if there is nothing to undo.
    @discardableResult package func undo() throws(SessionError) -> Item? {
        guard let last = undoStack.last else { return nil }
        if last.recorded {
            do {
                try store.undoLast()
            } catch {
                throw .store(String(describing: error))
            }
        }
        undoStack.removeLast()
        // The question on screen now goes back to the front of the queue.
        var restored = last.state
        if let shown = state.current, shown != restored.current {
            if shown.reason == .learning, shown.due != nil {
                restored.learning.removeAll { $0 == shown }
                restored.learning.insert(shown, at: 0)
            } else if !restored.queue.starts(with: [shown]) {
                restored.queue.removeAll { $0 == shown }
                restored.queue.insert(shown, at: 0)
            }
        }
        state = restored
        return state.current.flatMap { itemsByID[$0.itemID] }
    }

    /// Appends `entry` near the end of the queue, but never next to a sibling of `item` when a
    /// place between non-siblings exists.
    private func appendApartFromSiblings(_ entry: QueueEntry, item: Item) {
        func sibling(_ index: Int) -> Bool {
            guard state.queue.indices.contains(index), let other = itemsByID[state.queue[index].itemID] else {
                return false
            }
            return SiblingSpacing.areSiblings(other, item)
        }
        var index = state.queue.endIndex
        while index > 0, sibling(index - 1) || sibling(index) { index -= 1 }
        if index == 0 && sibling(0) { index = state.queue.endIndex }
        state.queue.insert(entry, at: index)
    }

    private func insertLearning(_ entry: QueueEntry) {
        let due = entry.due ?? .distantPast
        let index = state.learning.firstIndex { ($0.due ?? .distantPast) > due } ?? state.learning.endIndex
        state.learning.insert(entry, at: index)
    }

    /// The letter of option `index`: `a` for 0, `b` for 1, and so on.
    package static func letter(_ index: Int) -> String {
        guard (0..<26).contains(index) else { return String(index + 1) }
        return String(UnicodeScalar(UInt8(97 + index)))
    }
}
