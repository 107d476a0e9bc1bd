import Foundation
import SRMQuizKit
import Testing

/// Formats 1 and 2 open and are converted to format 4 once, keeping every review, every card and
/// the old file as `.bak`.
@Suite struct ProgressMigrationTests {
    @Test func migratesTheVersionOneFixture() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("alice.json")
        try FileManager.default.copyItem(at: ProgressFixtures.v1Fixture, to: url)
        let original = try Data(contentsOf: url)
        let read = try #require(try ProgressDocument.read(at: url))
        #expect(try Data(contentsOf: url) == original, "a reader converts in memory only")
        #expect(read.warnings.count == 1 && read.warnings[0].contains("format 1"))
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(store.warnings.contains { $0.contains("migrated from format 1") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: url.path + ".bak")) == original)
        let document = store.document
        #expect(document == read.document)
        #expect(document.learner == "alice")
        #expect(document.created == ProgressTime.date(from: "2024-09-01T08:00:00.000Z"))
        #expect(document.updated == ProgressTime.date(from: "2024-09-03T08:06:00.000Z"))
        #expect(document.reviews.map(\.rating) == [.good, .easy, .again])
        #expect(document.reviews.map(\.correct) == [true, true, false])
        #expect(document.phasesBefore == [nil, nil, nil])
        let card = try #require(document.cards["owner.ec2.patch-guest-os"])
        #expect(card.phase == .review && card.stability == 4.5 && card.reps == 2)
        #expect(card.due == ProgressTime.date(from: "2024-09-07T08:05:00.500Z"))
        // Migrated answers kept no cards, so they cannot be undone.
        #expect(throws: ProgressError.undoUnavailable(file: url.path)) { try store.undoLast() }
    }

    @Test func migratesTheFormatTwoFixtureWithItsJournalAndUndoHistory() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("fixture.json")
        try FileManager.default.copyItem(at: ProgressFormatTwoFixture.url, to: url)
        let expected = ProgressFormatTwoFixture.rounded(ProgressFormatTwoFixture.document)
        do {
            let store = try ProgressFixtures.open(url)
            #expect(store.document == expected)
            // The last answer's replaced card was kept, so it can still be undone after migration.
            let last = try #require(try store.undoLast())
            #expect(last == expected.reviews.last)
            #expect(store.cards[last.itemID] == ProgressFormatTwoFixture.undo.last!.map(ProgressTime.rounded))
            store.close()
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"format\" : 4"))
        #expect(!FileManager.default.fileExists(atPath: url.path + ".journal"))
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(reopened.log == Array(expected.reviews.dropLast()))
    }

    @Test func aJournalLeftByFormatTwoIsFoldedIn() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("j.json")
        let created = "2025-03-01T09:30:00Z"
        try Data(#"{"format":2,"learner":"j","created":"\#(created)","sequence":4}"#.utf8).write(to: url)
        let card = #"{"phase":"review","due":"2025-03-04T09:30:00.5Z","reps":1,"lapses":0}"#
        let entry = #"{"itemID":"a","time":"2025-03-01T10:30:00+01:00","rating":3}"#
        let journal = """
            {"seq":4,"event":"settings","at":"\(created)","settings":{"kind":"sm2"}}
            {"seq":5,"event":"record","at":"\(created)","entry":\(entry),"card":\(card),"phaseBefore":"new"}
            {"seq":6,"event":"rec
            """
        try Data(journal.utf8).write(to: URL(fileURLWithPath: url.path + ".journal"))
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(store.settings.kind == .fsrs, "event 4 was already in the file")
        #expect(store.log.map(\.time) == [ProgressTime.date(from: "2025-03-01T09:30:00.000Z")])
        #expect(store.cards["a"]?.due == ProgressTime.date(from: "2025-03-04T09:30:00.500Z"))
    }

    /// A format 2 review, as the old writer laid it out.
    struct OldReview: Encodable {
        var itemID: String
        var time: String
        var rating: Int
        var answer: String?
        var correct: Bool?
        var phaseBefore: String?
    }

    /// A format 2 file.
    struct OldFile: Encodable {
        var format = 2
        var learner: String
        var created: String
        var cards: [String: Card]
        var reviews: [OldReview]
    }

    @Test func aLargeFormatTwoFileMigratesBitForBit() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("big.json")
        var rng = SeededGenerator(seed: 5)
        let start = 1_700_000_000_000
        var cards: [String: Card] = [:]
        for n in 0..<5000 {
            cards["item-\(n)"] = Card(
                phase: .review, stability: 1 + rng.nextUnit() * 300, difficulty: 1 + rng.nextUnit() * 9,
                due: Date(timeIntervalSince1970: Double(start + Int(rng.next() % 90_000_000_000)) / 1000),
                lastReview: Date(timeIntervalSince1970: Double(start) / 1000), reps: Int(rng.next() % 40),
                lapses: Int(rng.next() % 9))
        }
        var reviews: [OldReview] = []
        for n in 0..<200_000 {
            let time = Date(timeIntervalSince1970: Double(start + n * 300_001) / 1000)
            let item = "item-\(rng.next() % 5000)"
            let rating = Int(rng.next() % 4) + 1
            reviews.append(
                OldReview(
                    itemID: item, time: ProgressTime.string(from: time)!, rating: rating,
                    answer: n % 3 == 0 ? nil : "customer", correct: n % 2 == 0,
                    phaseBefore: n % 5 == 0 ? nil : "review"))
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ProgressTime.string(from: date)!)
        }
        try encoder.encode(OldFile(learner: "big", created: reviews[0].time, cards: cards, reviews: reviews))
            .write(to: url)
        let store = try ProgressFixtures.open(url)
        #expect(store.cards == cards, "every card state, bit for bit")
        store.close()
        let (document, _) = try #require(try ProgressDocument.read(at: url))
        #expect(document.cards == cards)
        #expect(document.reviews.count == reviews.count)
        let times: [String] = document.reviews.map { ProgressTime.string(from: $0.time) ?? "" }
        #expect(times == reviews.map { (review: OldReview) in review.time })
        #expect(
            document.reviews.map { (entry: ReviewLogEntry) in entry.itemID }
                == reviews.map { (review: OldReview) in review.itemID })
        #expect(
            document.reviews.map { (entry: ReviewLogEntry) in entry.rating.rawValue }
                == reviews.map { (review: OldReview) in review.rating })
        let phases: [String?] = document.phasesBefore.map { (phase: CardPhase?) in phase?.rawValue }
        #expect(phases == reviews.map { (review: OldReview) in review.phaseBefore })
    }
}
