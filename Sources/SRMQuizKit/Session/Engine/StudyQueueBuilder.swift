import Foundation

/// Builds a study day's queue from the items, the learner's cards and log, and a scheduler.
///
/// - Learning and relearning cards due now come first; those due later today wait in
///   ``StudyQueue/learningLater``.
/// - Graduated cards due now follow, lowest retrievability first (on the exam date, when one is
///   given: the cards most likely forgotten by then come first).
/// - Up to `newPerDay` new items a day (minus those already introduced today, counted from the
///   log) are spread evenly among the reviews; new items come in teaching order
///   (``Item/teachingTier``: owner and OF-or-IN items on the core services first, compound items
///   last), in the given order within a tier.
/// - Siblings — items sharing any fact id — are not shown on the same day: an item whose sibling
///   was reviewed today, or is already queued, is deferred.
/// - `limit` caps the number of entries.
package struct StudyQueueBuilder: Sendable {
    package var newPerDay: Int
    package var limit: Int?
    /// The calendar whose days count new items and siblings.
    package var calendar: Calendar
    /// The date reviews are ranked for (`study --exam-date`); `nil` ranks them for now.
    package var examDate: Date?

    package init(newPerDay: Int = 20, limit: Int? = nil, calendar: Calendar = .current, examDate: Date? = nil)
    {
        self.examDate = examDate
        self.newPerDay = max(0, newPerDay)
        self.limit = limit
        self.calendar = calendar
    }

    /// The queue for the day containing `now`.
    ///
    /// `log` needs to hold only today's answers (as ``ReviewStore/reviews(since:)`` gives them);
    /// older entries are ignored.
    package func build(
        items: [Item], cards: [String: Card], log: [ReviewLogEntry], scheduler: any Scheduler, now: Date
    ) -> StudyQueue {
        let dayStart = calendar.startOfDay(for: now)
        let dayEnd = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? now.addingTimeInterval(86_400)
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Today's answers, found from the end of the log (it is oldest first).
        var todayCounts: [String: Int] = [:]
        for entry in log.reversed() {
            if entry.time < dayStart { break }
            todayCounts[entry.itemID, default: 0] += 1
        }
        let introducedToday = todayCounts.filter { id, count in
            guard let card = cards[id] else { return false }
            return card.reps <= count
        }.count

        var siblings = SiblingTracker()
        for id in todayCounts.keys { if let item = byID[id] { siblings.mark(item) } }

        var learningNow: [(QueueEntry, Date)] = []
        var learningLater: [(QueueEntry, Date)] = []
        // Positions in `items`, not `Item` copies: sorting moves small values.
        var reviews: [(Int, Double)] = []
        var fresh: [Int] = []
        for (index, item) in items.enumerated() {
            guard let card = cards[item.id], card.phase != .new else {
                fresh.append(index)
                continue
            }
            switch card.phase {
            case .learning, .relearning:
                if card.due <= now {
                    learningNow.append((QueueEntry(itemID: item.id, reason: .learning), card.due))
                } else if card.due < dayEnd {
                    learningLater.append(
                        (QueueEntry(itemID: item.id, reason: .learning, due: card.due), card.due))
                }
            case .review:
                if card.due <= now {
                    reviews.append((index, scheduler.retrievability(of: card, at: max(now, examDate ?? now))))
                }
            case .new:
                break
            }
        }
        // Each item's tier worked out once (it reads the tags), not once per comparison.
        fresh = fresh.map { (tier: items[$0].teachingTier, index: $0) }
            .sorted { a, b in a.tier != b.tier ? a.tier < b.tier : a.index < b.index }
            .map(\.index)
        learningNow.sort { $0.1 < $1.1 }
        learningLater.sort { $0.1 < $1.1 }
        reviews.sort { $0.1 != $1.1 ? $0.1 < $1.1 : items[$0.0].id < items[$1.0].id }

        var deferred = 0
        var chosenReviews: [QueueEntry] = []
        for (index, _) in reviews {
            let item = items[index]
            if siblings.blocks(item) {
                deferred += 1
                continue
            }
            siblings.mark(item)
            chosenReviews.append(QueueEntry(itemID: item.id, reason: .review))
        }
        var chosenNew: [QueueEntry] = []
        let newAllowance = max(0, newPerDay - introducedToday)
        for index in fresh where chosenNew.count < newAllowance {
            let item = items[index]
            if siblings.blocks(item) {
                deferred += 1
                continue
            }
            siblings.mark(item)
            chosenNew.append(QueueEntry(itemID: item.id, reason: .new))
        }

        var entries = learningNow.map(\.0) + Self.interleave(reviews: chosenReviews, new: chosenNew)
        if let limit, entries.count > limit { entries = Array(entries.prefix(max(0, limit))) }
        return StudyQueue(
            entries: entries, learningLater: learningLater.map(\.0),
            dueCount: entries.filter { $0.reason == .review }.count,
            newCount: entries.filter { $0.reason == .new }.count,
            introducedToday: introducedToday, deferredSiblings: deferred)
    }

    /// `new` spread evenly among `reviews`: with R reviews and N new items, new item j follows
    /// review ⌊(j+1)·R/(N+1)⌋.
    package static func interleave(reviews: [QueueEntry], new: [QueueEntry]) -> [QueueEntry] {
        guard !new.isEmpty else { return reviews }
        var out: [QueueEntry] = []
        out.reserveCapacity(reviews.count + new.count)
        var r = 0
        for (j, entry) in new.enumerated() {
            let upTo = (j + 1) * reviews.count / (new.count + 1)
            while r < upTo {
                out.append(reviews[r])
                r += 1
            }
            out.append(entry)
        }
        out.append(contentsOf: reviews[r...])
        return out
    }
}

/// Which facts are taken today, and by which items.
struct SiblingTracker {
    private var owners: [String: Set<String>] = [:]

    mutating func mark(_ item: Item) {
        for fact in item.facts { owners[fact, default: []].insert(item.id) }
    }

    /// Whether another item sharing a fact with `item` is already taken.
    func blocks(_ item: Item) -> Bool {
        item.facts.contains { fact in owners[fact]?.contains { $0 != item.id } ?? false }
    }
}
