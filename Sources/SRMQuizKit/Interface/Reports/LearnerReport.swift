import Foundation

/// A learner's scores, from a progress file or an exam result.
public struct LearnerReport: Sendable, Hashable, Codable {
    /// Answers in one ISO week.
    package struct Week: Sendable, Hashable, Codable {
        /// Such as `2025-W03`.
        package var week: String
        /// Every review, flashcards included.
        package var reviews: Int
        /// Reviews with a right or wrong answer.
        package var graded: Int
        package var correct: Int
        package init(week: String, reviews: Int, graded: Int, correct: Int) {
            self.week = week
            self.reviews = reviews
            self.graded = graded
            self.correct = correct
        }
    }

    /// One of the weakest items.
    package struct Weak: Sendable, Hashable, Codable {
        package var id: String
        /// The question, when known.
        package var prompt: String?
        package var lapses: Int
        package var correct: Int
        package var total: Int
        package init(id: String, prompt: String?, lapses: Int, correct: Int, total: Int) {
            self.id = id
            self.prompt = prompt
            self.lapses = lapses
            self.correct = correct
            self.total = total
        }
    }

    /// What is due.
    package struct Due: Sendable, Hashable, Codable {
        /// Cards due at the time of the report.
        package var dueNow: Int
        /// Cards due within the next seven days (not counting those due now).
        package var dueThisWeek: Int
        /// Cards in the progress file.
        package var cards: Int
        package init(dueNow: Int, dueThisWeek: Int, cards: Int) {
            self.dueNow = dueNow
            self.dueThisWeek = dueThisWeek
            self.cards = cards
        }
    }

    /// How many cards fall due on one day.
    package struct DueDay: Sendable, Hashable, Codable {
        /// The day, `yyyy-MM-dd` (UTC).
        package var day: String
        package var cards: Int
        package init(day: String, cards: Int) {
            self.day = day
            self.cards = cards
        }
    }

    /// An item failed again and again, and the facts it tests.
    package struct Leech: Sendable, Hashable, Codable {
        package var id: String
        package var prompt: String?
        /// Wrong answers (or lapses, if more).
        package var failures: Int
        /// The texts of the facts it tests (ids when the bank does not know them).
        package var facts: [String]
        package init(id: String, prompt: String?, failures: Int, facts: [String]) {
            self.id = id
            self.prompt = prompt
            self.failures = failures
            self.facts = facts
        }
    }

    /// The exam's own facts, for an exam result.
    package struct Exam: Sendable, Hashable, Codable {
        package var percent: Double
        package var passMark: Double
        package var passed: Bool
        package var timedOut: Bool
        package var minutes: Int
        package var startedAt: Date
        package init(
            percent: Double, passMark: Double, passed: Bool, timedOut: Bool, minutes: Int, startedAt: Date
        ) {
            self.percent = percent
            self.passMark = passMark
            self.passed = passed
            self.timedOut = timedOut
            self.minutes = minutes
            self.startedAt = startedAt
        }
    }

    /// The file read.
    package var file: String
    /// The learner's name, when known.
    package var learner: String?
    /// `progress` or `exam`.
    package var source: String
    package var seed: UInt64?
    package var bankFiles: [String]
    package var correct: Int
    package var graded: Int
    /// Self-rated flashcard answers, kept out of accuracy.
    package var selfRated = 0
    /// By owner, service, category and kind.
    package var breakdowns: [ScoreBreakdown]
    package var weeks: [Week]
    package var weakest: [Weak]
    package var due: Due?
    package var exam: Exam?
    /// Cards due on each of the next ``forecastDays`` days (progress files only).
    package var dueForecast: [DueDay] = []
    /// Items failed at least ``leechFailures`` times (progress files only).
    package var leeches: [Leech] = []
    /// The exam-readiness forecast (progress files only, when the bank is known).
    package var readiness: ReadinessForecast?

    package init(
        file: String, source: String, seed: UInt64?, bankFiles: [String], correct: Int, graded: Int,
        breakdowns: [ScoreBreakdown], weeks: [Week], weakest: [Weak], due: Due?, exam: Exam?
    ) {
        self.file = file
        self.source = source
        self.seed = seed
        self.bankFiles = bankFiles
        self.correct = correct
        self.graded = graded
        self.breakdowns = breakdowns
        self.weeks = weeks
        self.weakest = weakest
        self.due = due
        self.exam = exam
    }

    /// Right answers among graded ones, self-rated flashcards apart.
    public var accuracy: Accuracy { Accuracy(graded: graded, correct: correct, selfRated: selfRated) }

    /// Accuracy as a percentage, or `nil` with no graded answers.
    public var percent: Double? { accuracy.fraction.map { $0 * 100 } }

    /// The dimensions of the breakdowns.
    package static let dimensions = ["owner", "service", "category", "kind"]
    /// How many weak items are listed.
    package static let weakestLimit = 10
    /// How many days the due forecast covers.
    package static let forecastDays = 14
    /// How many failures make an item a leech.
    package static let leechFailures = 4

    /// The report of a progress file's log and cards; `items` gives each item's tags and prompt
    /// (items not found count under `unknown`).
    public static func make(
        file: String, log: [ReviewLogEntry], cards: [String: Card], items: [String: Item], now: Date,
        learner: String? = nil, names: DisplayNames = DisplayNames()
    ) -> LearnerReport {
        // One pass over the log: answers counted per item (ids interned to slots) and per week.
        var slots: [String: Int] = [:]
        var tallies: [(id: String, correct: Int, total: Int)] = []
        var correctCount = 0
        var gradedCount = 0
        var weekTally = WeekTally()
        for entry in log {
            let week = weekTally.slot(entry.time)
            weekTally.weeks[week].reviews += 1
            guard let correct = entry.correct else { continue }
            weekTally.weeks[week].graded += 1
            gradedCount += 1
            let right = correct ? 1 : 0
            if correct {
                weekTally.weeks[week].correct += 1
                correctCount += 1
            }
            if let slot = slots[entry.itemID] {
                tallies[slot].correct += right
                tallies[slot].total += 1
            } else {
                slots[entry.itemID] = tallies.count
                tallies.append((entry.itemID, right, 1))
            }
        }
        var byItem: [String: (correct: Int, total: Int)] = [:]
        byItem.reserveCapacity(tallies.count)
        for tally in tallies { byItem[tally.id] = (tally.correct, tally.total) }
        let tagged = tallies.map { tally in
            (
                tags: items[tally.id].map(ScoreBreakdown.tags(of:)) ?? [], correct: tally.correct,
                total: tally.total
            )
        }
        let ids = Set(byItem.keys).union(cards.filter { $0.value.lapses > 0 }.keys)
        let weak = ids.map { id in
            Weak(
                id: id, prompt: items[id]?.prompt, lapses: cards[id]?.lapses ?? 0,
                correct: byItem[id]?.correct ?? 0,
                total: byItem[id]?.total ?? 0)
        }
        .filter { $0.lapses > 0 || $0.correct < $0.total }
        let week = now.addingTimeInterval(7 * 86400)
        let due = Due(
            dueNow: cards.values.filter { $0.due <= now }.count,
            dueThisWeek: cards.values.filter { $0.due > now && $0.due <= week }.count, cards: cards.count)
        var report = LearnerReport(
            file: file, source: "progress", seed: nil, bankFiles: [], correct: correctCount,
            graded: gradedCount,
            breakdowns: dimensions.map { names.named(ScoreBreakdown.make(dimension: $0, tallies: tagged)) },
            weeks: weekTally.sorted(), weakest: Array(sortWeakest(weak).prefix(weakestLimit)), due: due,
            exam: nil)
        report.learner = learner
        report.selfRated = log.count - gradedCount
        report.dueForecast = forecast(cards: cards, now: now)
        report.leeches = ids.compactMap { id -> Leech? in
            let wrong = (byItem[id]?.total ?? 0) - (byItem[id]?.correct ?? 0)
            let failures = max(wrong, cards[id]?.lapses ?? 0)
            guard failures >= leechFailures else { return nil }
            let facts = (items[id]?.facts ?? []).map { names.factLabels[$0] ?? $0 }
            return Leech(id: id, prompt: items[id]?.prompt, failures: failures, facts: facts)
        }
        .sorted { $0.failures != $1.failures ? $0.failures > $1.failures : $0.id < $1.id }
        return report
    }

    /// Cards due on each of the ``forecastDays`` days from `now`'s day (UTC) on: today counts the
    /// cards due later today; cards already due are "due now", not in the forecast.
    static func forecast(cards: [String: Card], now: Date) -> [DueDay] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let today = calendar.startOfDay(for: now)
        var counts = [Int](repeating: 0, count: forecastDays)
        // UTC days are 86,400 s long and `today` starts one, so the day of a due date is a division.
        let start = today.timeIntervalSince1970
        for card in cards.values where card.due > now {
            let days = ((card.due.timeIntervalSince1970 - start) / 86400).rounded(.down)
            if days >= 0, days < Double(forecastDays) { counts[Int(days)] += 1 }
        }
        return counts.enumerated().map { offset, count in
            let day = calendar.date(byAdding: .day, value: offset, to: today) ?? today
            return DueDay(day: Timestamp.day(day), cards: count)
        }
    }

    /// The report of one exam result.
    package static func make(file: String, exam result: ExamResult, names: DisplayNames = DisplayNames())
        -> LearnerReport
    {
        let answers = result.questions.map { (tags: $0.tags, correct: $0.correct) }
        let weak = result.questions.filter { !$0.correct }.map {
            Weak(id: $0.id, prompt: $0.prompt, lapses: 0, correct: 0, total: 1)
        }
        let graded = result.questions.count
        let week = Week(
            week: isoWeek(result.startedAt), reviews: graded, graded: graded, correct: result.correctCount)
        return LearnerReport(
            file: file, source: "exam", seed: result.seed, bankFiles: result.bankFiles,
            correct: result.correctCount,
            graded: graded,
            breakdowns: dimensions.map { names.named(ScoreBreakdown.make(dimension: $0, answers: answers)) },
            weeks: [week], weakest: Array(weak.prefix(weakestLimit)), due: nil,
            exam: Exam(
                percent: result.percent, passMark: result.passMark, passed: result.passed,
                timedOut: result.timedOut,
                minutes: result.minutes, startedAt: result.startedAt))
    }

    /// Most lapses first, then lowest accuracy, then most answers, then id.
    static func sortWeakest(_ items: [Weak]) -> [Weak] {
        items.sorted { a, b in
            if a.lapses != b.lapses { return a.lapses > b.lapses }
            let pa = a.total == 0 ? 1 : Double(a.correct) / Double(a.total)
            let pb = b.total == 0 ? 1 : Double(b.correct) / Double(b.total)
            if pa != pb { return pa < pb }
            if a.total != b.total { return a.total > b.total }
            return a.id < b.id
        }
    }

    /// Answers counted by ISO week, asking the calendar once per UTC day (not once per answer):
    /// a UTC day lies in one ISO week.
    struct WeekTally {
        var weeks: [Week] = []
        var slotOfWeek: [String: Int] = [:]
        var slotOfDay: [Int: Int] = [:]
        var lastDay = Int.min
        var lastSlot = 0

        /// The slot in ``weeks`` of the week holding `date`, added when new.
        mutating func slot(_ date: Date) -> Int {
            let seconds = date.timeIntervalSince1970
            // Beyond ±10^15 s (and for NaN) there is no day number; ask the calendar directly.
            guard abs(seconds) < 1e15 else { return self.slot(week: LearnerReport.isoWeek(date)) }
            let day = Int((seconds / 86400).rounded(.down))
            if day == lastDay { return lastSlot }
            let slot: Int
            if let known = slotOfDay[day] {
                slot = known
            } else {
                let start = Date(timeIntervalSince1970: Double(day) * 86400)
                slot = self.slot(week: LearnerReport.isoWeek(start))
                slotOfDay[day] = slot
            }
            lastDay = day
            lastSlot = slot
            return slot
        }

        mutating func slot(week key: String) -> Int {
            if let known = slotOfWeek[key] { return known }
            slotOfWeek[key] = weeks.count
            weeks.append(Week(week: key, reviews: 0, graded: 0, correct: 0))
            return weeks.count - 1
        }

        /// The weeks, in order.
        func sorted() -> [Week] { weeks.sorted { $0.week < $1.week } }
    }

    /// `date`'s ISO 8601 week in UTC, such as `2025-W03`.
    package static func isoWeek(_ date: Date) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        let w = c.weekOfYear ?? 0
        return "\(c.yearForWeekOfYear ?? 0)-W\(w < 10 ? "0" : "")\(w)"
    }
}
