import Foundation
import SRMQuizKit
import Testing

@Suite struct ProgressSummaryTests {
    /// 2025-03-01T09:30:00.125Z, in UTC.
    static let now = ProgressFixtures.start
    static let utc = TimeZone(identifier: "UTC") ?? .current

    static func card(_ phase: CardPhase, dueIn seconds: TimeInterval, lapses: Int = 0) -> Card {
        Card(phase: phase, due: now.addingTimeInterval(seconds), reps: 1, lapses: lapses)
    }

    static func document() -> ProgressDocument {
        let hour: TimeInterval = 3600
        let cards: [String: Card] = [
            "new": card(.new, dueIn: -hour),
            "overdue": card(.review, dueIn: -2 * hour, lapses: 9),
            "tonight": card(.learning, dueIn: 10 * hour),  // 19:30 today
            "tomorrow": card(.relearning, dueIn: 20 * hour, lapses: 8),  // 05:30 tomorrow
            "in5days": card(.review, dueIn: 5 * 24 * hour),
            "in8days": card(.review, dueIn: 8 * 24 * hour, lapses: 7),
        ]
        let reviews = [
            ReviewLogEntry(itemID: "overdue", time: now, rating: .good, correct: true),
            ReviewLogEntry(itemID: "overdue", time: now, rating: .again, correct: false),
            ReviewLogEntry(itemID: "tonight", time: now, rating: .good, correct: true),
            ReviewLogEntry(itemID: "in5days", time: now, rating: .hard),  // self-rated: correct
            ReviewLogEntry(itemID: "gone", time: now, rating: .again),  // self-rated: wrong
        ]
        return ProgressDocument(
            learner: "sam", created: now, cards: cards, reviews: reviews,
            phasesBefore: [.review, .review, .new, .review, nil])
    }

    @Test func countsPhasesDueRetentionAndLeeches() {
        let summary = ProgressSummary(
            document: Self.document(), file: "/p.json", now: Self.now, timeZone: Self.utc)
        #expect(summary.cards.new == 1 && summary.cards.learning == 1 && summary.cards.review == 3)
        #expect(summary.cards.relearning == 1 && summary.cards.total == 6)
        #expect(summary.due.now == 1)
        #expect(summary.due.today == 2)
        #expect(summary.due.tomorrow == 1)
        #expect(summary.due.week == 4)
        #expect(summary.reviews == 5)
        #expect(summary.retentionReviews == 3)
        #expect(summary.retention == 2.0 / 3.0)
        // Accuracy counts graded answers only; the two self-rated flashcards are kept apart.
        #expect(summary.accuracy == 2.0 / 3.0)
        #expect(summary.answers == Accuracy(graded: 3, correct: 2, selfRated: 2))
        #expect(
            summary.lines().contains(
                "Accuracy   67% (2 of 3 graded answers); 2 self-rated flashcards not counted"))
        #expect(summary.leeches.map(\.itemID) == ["overdue", "tomorrow"])
        #expect(summary.orphans == nil)
    }

    /// Issue 12 item 4: `progress show` said 90.9% and `report` 88% for the same learner.
    @Test func progressShowAndTheReportGiveTheSameAccuracy() {
        let document = Self.document()
        let summary = ProgressSummary(document: document, file: "/p.json", now: Self.now, timeZone: Self.utc)
        let report = LearnerReport.make(
            file: "/p.json", log: document.reviews, cards: document.cards, items: [:], now: Self.now)
        #expect(report.accuracy == summary.answers)
        let rendered = TextReportRenderer.render(
            ReportBuilder.document(parts: [.learner(report)], generatedAt: Self.now))
        #expect(rendered.contains(summary.answers.text), "\(rendered)")
    }

    @Test func countsOrphansWhenTheBankIsKnown() {
        let summary = ProgressSummary(
            document: Self.document(), file: "/p.json", now: Self.now, timeZone: Self.utc,
            knownItemIDs: ["new", "overdue", "tonight", "tomorrow", "in5days"])
        #expect(summary.orphans == ["gone", "in8days"])
        #expect(summary.lines().contains { $0.contains("2 items no longer in the banks") })
    }

    @Test func textFitsEightyColumns() {
        var document = Self.document()
        for n in 0..<30 {
            document.cards["a-rather-long-item-identifier-\(n)"] = Self.card(.review, dueIn: 0, lapses: 12)
        }
        let summary = ProgressSummary(
            document: document, file: "/p.json", now: Self.now, timeZone: Self.utc, knownItemIDs: [])
        for line in summary.lines() { #expect(line.count <= 80, "\(line)") }
        let empty = ProgressSummary(
            document: ProgressDocument(learner: "x", created: Self.now), file: "/p.json", now: Self.now,
            timeZone: Self.utc, bankProblem: "no bank")
        #expect(empty.retention == nil && empty.accuracy == nil)
        #expect(empty.lines().contains("Orphans    unknown: the bank could not be loaded"))
    }
}
