import Foundation

/// Figures about a learner's progress, as `srmquiz progress show` prints them.
package struct ProgressSummary: Sendable, Hashable, Codable {
    /// Cards by phase.
    package struct PhaseCounts: Sendable, Hashable, Codable {
        package var new = 0
        package var learning = 0
        package var review = 0
        package var relearning = 0
        package var total: Int { new + learning + review + relearning }
    }

    /// Cards (not new ones) due by a time; each count includes the overdue ones, except `tomorrow`.
    package struct DueCounts: Sendable, Hashable, Codable {
        /// Due at or before now.
        package var now = 0
        /// Due before local midnight tonight.
        package var today = 0
        /// Due during tomorrow (local time) only.
        package var tomorrow = 0
        /// Due before local midnight at the end of the sixth day from today.
        package var week = 0
    }

    /// A card forgotten often.
    package struct Leech: Sendable, Hashable, Codable {
        package var itemID: String
        package var lapses: Int
    }

    /// Lapses from which a card counts as a leech.
    package static let leechLapses = 8

    package var file: String
    package var learner: String
    package var scheduler: SchedulerKind
    package var desiredRetention: Double
    package var cards: PhaseCounts
    package var due: DueCounts
    /// Answers recorded.
    package var reviews: Int
    /// When the last answer was given.
    package var lastReview: Date?
    /// Share of correct answers among reviews of graduated cards (phase `review` before the
    /// answer); `nil` if there were none.
    package var retention: Double?
    /// How many reviews `retention` is based on.
    package var retentionReviews: Int
    /// Right answers among graded ones (``Accuracy``); `nil` if none was graded.
    package var accuracy: Double?
    /// The answers behind ``accuracy``: graded, right, and self-rated flashcards kept apart.
    package var answers: Accuracy
    /// Cards with at least ``leechLapses`` lapses, most lapses first.
    package var leeches: [Leech]
    /// Items with progress that are in no loaded bank (`nil`: no bank was loaded).
    package var orphans: [String]?
    /// Why the bank could not be loaded, if it could not.
    package var bankProblem: String?

    /// The summary of `document` (from `file`) at `now`, with days in `timeZone`.
    ///
    /// Pass the bank's item ids as `knownItemIDs` to count orphans.
    package init(
        document: ProgressDocument, file: String, now: Date, timeZone: TimeZone,
        knownItemIDs: Set<String>? = nil, bankProblem: String? = nil
    ) {
        self.file = file
        learner = document.learner
        scheduler = document.settings.kind
        desiredRetention = document.settings.desiredRetention
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let startOfToday = calendar.startOfDay(for: now)
        let tonight = calendar.date(byAdding: .day, value: 1, to: startOfToday) ?? now
        let tomorrowNight = calendar.date(byAdding: .day, value: 2, to: startOfToday) ?? now
        let weekEnd = calendar.date(byAdding: .day, value: 7, to: startOfToday) ?? now
        var phases = PhaseCounts()
        var due = DueCounts()
        var leeches: [Leech] = []
        for (id, card) in document.cards {
            switch card.phase {
            case .new: phases.new += 1
            case .learning: phases.learning += 1
            case .review: phases.review += 1
            case .relearning: phases.relearning += 1
            }
            if card.lapses >= Self.leechLapses { leeches.append(Leech(itemID: id, lapses: card.lapses)) }
            guard card.phase != .new else { continue }
            if card.due <= now { due.now += 1 }
            if card.due < tonight { due.today += 1 }
            if card.due >= tonight && card.due < tomorrowNight { due.tomorrow += 1 }
            if card.due < weekEnd { due.week += 1 }
        }
        cards = phases
        self.due = due
        self.leeches = leeches.sorted { ($0.lapses, $1.itemID) > ($1.lapses, $0.itemID) }
        reviews = document.reviews.count
        lastReview = document.reviews.map(\.time).max()
        var graduated = 0
        var graduatedCorrect = 0
        for (entry, phase) in zip(document.reviews, document.phasesBefore) {
            let right = entry.correct ?? (entry.rating != .again)
            if phase == .review {
                graduated += 1
                if right { graduatedCorrect += 1 }
            }
        }
        answers = Accuracy(document.reviews.map(\.correct))
        accuracy = answers.fraction
        retention = graduated > 0 ? Double(graduatedCorrect) / Double(graduated) : nil
        retentionReviews = graduated
        orphans = knownItemIDs.map { document.orphans(knownItemIDs: $0) }
        self.bankProblem = bankProblem
    }

    /// The summary as lines of at most 80 columns (paths and item ids aside).
    package func lines() -> [String] {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var out = [
            "Progress of \(learner)",
            "File       \(file)",
            "Scheduler  \(scheduler.rawValue), desired retention \(String(format: "%.2f", desiredRetention))",
            "Cards      \(cards.total): \(cards.new) new, \(cards.learning) learning, \(cards.review) review, "
                + "\(cards.relearning) relearning",
            "Due        \(due.now) now, \(due.today) today, \(due.tomorrow) tomorrow, \(due.week) this week",
            "Reviews    \(reviews) done" + (lastReview.map { ", last \(Timestamp.minute($0))" } ?? ""),
        ]
        if let retention {
            out.append("Retention  \(percent(retention)) of \(retentionReviews) reviews of graduated cards")
        } else {
            out.append("Retention  no reviews of graduated cards yet")
        }
        out.append("Accuracy   " + answers.text)
        if leeches.isEmpty {
            out.append("Leeches    none (cards with \(Self.leechLapses) or more lapses)")
        } else {
            out.append("Leeches    \(leeches.count) (cards with \(Self.leechLapses) or more lapses):")
            for leech in leeches.prefix(10) {
                out.append("           \(leech.itemID) (\(leech.lapses) lapses)")
            }
            if leeches.count > 10 { out.append("           … and \(leeches.count - 10) more") }
        }
        if let orphans {
            out.append(
                orphans.isEmpty
                    ? "Orphans    none"
                    : "Orphans    \(orphans.count) items no longer in the banks (history kept)")
        } else if bankProblem != nil {
            out.append("Orphans    unknown: the bank could not be loaded")
        }
        return out
    }
}
