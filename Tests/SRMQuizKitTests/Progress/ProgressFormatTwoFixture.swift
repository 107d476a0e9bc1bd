import Foundation
import SRMQuizKit

/// The document held by `Tests/Fixtures/progress-v2-pretty.json`: a format 2 file as the first
/// writer (Foundation's `JSONEncoder`, pretty-printed, sorted keys) wrote it.
///
/// The fixture was generated from this value by that code before the hand-written writer replaced
/// it, so reading it checks that files written by earlier versions still load.
enum ProgressFormatTwoFixture {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/progress-v2-pretty.json")
    }

    static let awkwardStrings = [
        "plain", "with \"quotes\" and \\ backslash", "tab\there\nnewline\r\u{0001}\u{001F}", "slash / ok",
        "unicode: é ü ß 東京 🤖👩🏽‍💻", "", "\u{2028}\u{2029}\u{7F}",
    ]

    static var document: ProgressDocument {
        var settings = SchedulerSettings(
            kind: .fsrs, desiredRetention: 0.87, parameters: (0..<21).map { 0.1 + Double($0) * 0.37 })
        settings.learningSteps = [30, 90.5, 600]
        settings.newPerDay = 7
        let reviews = (0..<12).map { n -> ReviewLogEntry in
            var entry = Self.entry(n)
            if n < awkwardStrings.count { entry.answer = awkwardStrings[n] }
            return entry
        }
        var cards = Dictionary(
            uniqueKeysWithValues: (0..<7).map { ("item-\($0)", Self.card($0)) })
        cards["odd \"id\" 🤖"] = Card(phase: .new, due: ProgressFixtures.start.addingTimeInterval(0.000_001))
        return ProgressDocument(
            learner: "fixture", created: ProgressFixtures.start.addingTimeInterval(-86_400.5),
            updated: ProgressFixtures.start.addingTimeInterval(3600.25), settings: settings, cards: cards,
            reviews: reviews, phasesBefore: reviews.indices.map { $0 % 3 == 0 ? nil : .review })
    }

    /// The fixture's undo history: the cards its last three answers replaced.
    static let undo: [Card?] = [nil, Self.card(3), nil]

    /// The `n`th answer, with the sub-millisecond times format 2 could hold.
    static func entry(_ n: Int) -> ReviewLogEntry {
        var entry = ProgressFixtures.entry(n)
        entry.time = ProgressFixtures.start.addingTimeInterval(Double(n) * 61.000_123)
        return entry
    }

    /// A card after the `n`th answer, with sub-millisecond times.
    static func card(_ n: Int) -> Card {
        var card = ProgressFixtures.card(n)
        card.due = ProgressFixtures.start.addingTimeInterval(Double(n) * 86_400.000_001)
        card.lastReview = ProgressFixtures.start.addingTimeInterval(Double(n) * 61.000_123)
        return card
    }

    /// `document` with every time rounded to the millisecond, as format 3 holds it.
    static func rounded(_ document: ProgressDocument) -> ProgressDocument {
        var copy = document
        copy.created = ProgressTime.rounded(document.created)
        copy.updated = ProgressTime.rounded(document.updated)
        copy.cards = document.cards.mapValues(ProgressTime.rounded)
        copy.reviews = document.reviews.map {
            var entry = $0
            entry.time = ProgressTime.rounded($0.time)
            return entry
        }
        return copy
    }
}
