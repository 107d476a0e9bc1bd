import Foundation
import SRMQuizKit
import Testing

/// The hand-written writer and reader of progress files against Foundation's coders, files
/// written by earlier versions, and malformed input.
@Suite struct ProgressFileFormatTests {
    /// Strings that stress escaping: quotes, backslashes, every control character, non-ASCII.
    static func randomString(_ rng: inout SeededGenerator) -> String {
        let pieces: [String] = [
            "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "é", "東京",
            "🤖", "👩🏽‍💻", "\u{2028}", "\u{FEFF}", "a", "Z", " ", "0", "{", "}", "[", "]", ",", ":", "\\u0041",
        ]
        var text = ""
        for _ in 0..<Int(rng.next() % 12) {
            if rng.next() % 4 == 0 {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(rng.next() % 0x20)))
            } else {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
            }
        }
        return text
    }

    static func randomDate(_ rng: inout SeededGenerator) -> Date {
        // 1950 to 2150, any sub-second part.
        Date(timeIntervalSince1970: -631_152_000 + rng.nextUnit() * 6_311_520_000)
    }

    static func randomCard(_ rng: inout SeededGenerator) -> Card {
        func maybe(_ value: Double) -> Double? { rng.next() % 3 == 0 ? nil : value }
        return Card(
            phase: CardPhase.allCases[Int(rng.next() % 4)],
            step: rng.next() % 2 == 0 ? Int(rng.next() % 5) : nil,
            stability: maybe(rng.nextUnit() * 1000), difficulty: maybe(1 + rng.nextUnit() * 9),
            ease: maybe(1.3 + rng.nextUnit()), interval: maybe(rng.nextUnit() * 1e-7),
            due: randomDate(&rng), lastReview: rng.next() % 2 == 0 ? randomDate(&rng) : nil,
            reps: Int(rng.next() % 1000), lapses: Int(rng.next() % 100))
    }

    static func randomDocument(seed: UInt64) -> ProgressDocument {
        var rng = SeededGenerator(seed: seed)
        var cards: [String: Card] = [:]
        for _ in 0..<Int(rng.next() % 20) { cards[randomString(&rng)] = randomCard(&rng) }
        var reviews: [ReviewLogEntry] = []
        for _ in 0..<Int(rng.next() % 40) {
            reviews.append(
                ReviewLogEntry(
                    itemID: randomString(&rng), time: randomDate(&rng),
                    rating: Rating.allCases[Int(rng.next() % 4)],
                    answer: rng.next() % 3 == 0 ? nil : randomString(&rng),
                    correct: rng.next() % 3 == 0 ? nil : rng.next() % 2 == 0,
                    durationMs: rng.next() % 3 == 0 ? nil : Int(rng.next() % 1_000_000) - 1000,
                    mode: rng.next() % 2 == 0 ? nil : randomString(&rng)))
        }
        var settings = SchedulerSettings(
            kind: rng.next() % 2 == 0 ? .fsrs : .sm2, desiredRetention: 0.7 + rng.nextUnit() * 0.29,
            parameters: rng.next() % 2 == 0 ? nil : (0..<21).map { _ in rng.nextUnit() * 100 - 50 })
        settings.learningSteps = (0..<Int(rng.next() % 4)).map { _ in rng.nextUnit() * 10_000 }
        settings.fuzz = rng.next() % 2 == 0
        settings.newPerDay = Int(rng.next() % 1000)
        let undo = (0..<min(reviews.count, Int(rng.next() % 5))).map { _ in
            rng.next() % 2 == 0 ? nil : randomCard(&rng)
        }
        return ProgressDocument(
            learner: randomString(&rng), created: randomDate(&rng), updated: randomDate(&rng),
            settings: settings,
            cards: cards, reviews: reviews,
            phasesBefore: reviews.map { _ in
                rng.next() % 3 == 0 ? nil : CardPhase.allCases[Int(rng.next() % 4)]
            },
            undo: undo, sequence: Int(rng.next() % 100_000))
    }

    @Test(arguments: 0..<200)
    func randomDocumentsRoundTripAndAgreeWithFoundation(seed: Int) throws {
        let document = Self.randomDocument(seed: UInt64(seed))
        let written = try ProgressCodec.encode(document, file: "r.json")
        // Our writer, read back by our reader and by Foundation's decoder.
        #expect(try ProgressCodec.decode(written, file: "r.json").document == document)
        #expect(try ProgressCodec.decoder().decode(ProgressDocument.self, from: written) == document)
        // Foundation's encoder (the previous writer), read by our reader.
        let foundation = try ProgressCodec.fileEncoder().encode(document)
        #expect(try ProgressCodec.decode(foundation, file: "r.json").document == document)
        // Deterministic.
        #expect(try ProgressCodec.encode(document, file: "r.json") == written)
    }

    @Test func readsTheFormatTwoFileWrittenByThePreviousWriter() throws {
        let data = try Data(contentsOf: ProgressFormatTwoFixture.url)
        #expect(
            String(decoding: data, as: UTF8.self).contains("\"cards\" : {"), "pretty-printed, sorted keys")
        let decoded = try ProgressCodec.decode(data, file: "progress-v2-pretty.json")
        #expect(decoded.format == 2)
        #expect(decoded.document == ProgressFormatTwoFixture.document)

        // Opened as a store, with the log skimmed, then rewritten in the new layout.
        let temp = ProgressTempFolder()
        let url = temp.file("old.json")
        try data.write(to: url)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(!store.isLogLoaded)
        #expect(store.cards == ProgressFormatTwoFixture.document.cards)
        let since = ProgressFormatTwoFixture.document.reviews[5].time
        #expect(
            store.reviews(since: since)
                == ProgressFormatTwoFixture.document.reviews.filter { $0.time >= since })
        try store.compact()
        let rewritten = try Data(contentsOf: url)
        #expect(rewritten != data)
        #expect(try ProgressCodec.decode(rewritten, file: "x").document == ProgressFormatTwoFixture.document)
        #expect(try ProgressFixtures.mode(url) == 0o600)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: url.path + ".bak")) == data,
            "the old file is the backup")
    }

    @Test func readsAnyLayoutAndKeyOrder() throws {
        let text = """
            { "reviews" : [ { "rating" : 3 , "time" : "2025-03-01T09:30:00.125Z", "itemID" : "a\\u00e9\\ud83e\\udd16",
              "unknown": [1, {"x": null}, "y"] } ],
              "sequence": 1, "\\u0066ormat": 2, "cards": {"a": {"lapses": 0, "reps": 1, "due": "2025-03-02T09:30:00Z",
              "phase": "review", "step": null}}, "learner": "x", "extra": {"deep": [[[]]]},
              "created": "2025-03-01T09:00:00+01:00", "undo": [{}] }
            """
        let document = try ProgressCodec.decode(Data(text.utf8), file: "any.json").document
        #expect(document.reviews.map(\.itemID) == ["aé🤖"])
        #expect(document.reviews.first?.rating == .good)
        #expect(document.cards["a"]?.phase == .review && document.cards["a"]?.step == nil)
        #expect(document.created == Date(timeIntervalSince1970: 1_740_816_000))
        #expect(document.undo == [nil] && document.sequence == 1)
    }

    @Test(arguments: [
        ("{\"format\":2,\n\"learner\":\"x\",,", 2, 15),
        ("{\"format\":2,\n  \"learner\" \"x\"}", 2, 13),
        ("{\"format\":2,\n\"learner\":\"x\n\"}", 2, 13),
        ("{\"format\":2,\"learner\":\"a\\qb\"}", 1, 25),
        ("{\"format\":2,\n\"reviews\":[{},]}", 2, 15),
        ("{\"format\":2,\n\"reviews\":[{\"a\":\"b\"}", 2, 11),
        ("{\"format\":2,\"learner\":\"x\"} trailing", 1, 28),
        ("{\"format\":2,\"learner\":\"\\ud800\"}", 1, 24),
        ("{\"format\":2,\"n\":01}", 1, 18),
        ("{\"format\":2,\"n\":tru}", 1, 17),
        ("{\"format\":2,\"n\":\"\u{FF}\"}", 1, 18),
    ])
    func reportsSyntaxErrorsWithLineAndColumn(text: String, line: Int, column: Int) {
        var bytes = Array(text.utf8)
        if text.contains("\u{FF}") {
            // An invalid UTF-8 byte inside a string.
            bytes = Array("{\"format\":2,\"n\":\"".utf8) + [0xFF] + Array("\"}".utf8)
        }
        #expect {
            try ProgressCodec.decode(Data(bytes), file: "bad.json")
        } throws: { error in
            guard case .invalidJSON(let file, let l, let c, let message)? = error as? ProgressError else {
                Issue.record("\(error)")
                return false
            }
            let ok = file == "bad.json" && l == line && c == column && !message.isEmpty
            if !ok { Issue.record("\(error)") }
            return ok
        }
    }

    @Test func rejectsHostileNesting() {
        let deep = "{\"format\":2,\"x\":" + String(repeating: "[", count: 100_000) + "}"
        #expect(throws: ProgressError.self) { try ProgressCodec.decode(Data(deep.utf8), file: "deep.json") }
    }

    @Test func refusesNonFiniteNumbers() {
        var document = ProgressDocument(learner: "x", created: ProgressFixtures.start)
        document.cards["a"] = Card(stability: .nan, due: ProgressFixtures.start)
        #expect {
            try ProgressCodec.encode(document, file: "f.json")
        } throws: { error in
            "\(error)".contains("cards.a.stability")
        }
    }
}
