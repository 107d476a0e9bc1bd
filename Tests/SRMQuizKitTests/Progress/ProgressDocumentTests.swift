import Foundation
import SRMQuizKit
import Testing

@Suite struct ProgressDocumentTests {
    static func sample() -> ProgressDocument {
        var settings = SchedulerSettings(kind: .sm2, desiredRetention: 0.85, parameters: [0.1, 1.25, 3])
        settings.fuzz = false
        let reviews = (0..<20).map { ProgressFixtures.entry($0) }
        return ProgressDocument(
            learner: "bob", created: ProgressFixtures.start,
            updated: ProgressFixtures.start.addingTimeInterval(3600),
            settings: settings,
            cards: Dictionary(
                uniqueKeysWithValues: (0..<7).map { ("item-\($0)", ProgressFixtures.card($0)) }),
            reviews: reviews, phasesBefore: reviews.indices.map { $0 % 3 == 0 ? nil : .review },
            undo: [nil, ProgressFixtures.card(3)], sequence: 17)
    }

    @Test func roundTripsLosslessly() throws {
        let document = Self.sample()
        let data = try ProgressCodec.encode(document, file: "sample.json")
        let decoded = try ProgressCodec.decode(data, file: "sample.json")
        #expect(decoded.format == 2)
        #expect(decoded.document == document)
        // Encoding is deterministic, so files diff well.
        #expect(try ProgressCodec.encode(decoded.document, file: "sample.json") == data)
    }

    @Test func writesTheCompactLayoutWithTheLogLastOneReviewALine() throws {
        let document = Self.sample()
        let text = String(decoding: try ProgressCodec.encode(document, file: "x"), as: UTF8.self)
        let keys = [
            "{\"format\":2,", "\"learner\"", "\"created\"", "\"updated\"", "\"sequence\"",
            "\n\"settings\":", "\n\"cards\":{", "\n\"undo\":[", "\n\"reviewsOrderedFrom\":0",
            "\n\"reviews\":[\n",
        ]
        let positions = try keys.map { key in try #require(text.range(of: key)).lowerBound }
        #expect(positions == positions.sorted(), "fixed key order, log last")
        #expect(text.hasPrefix("{\"format\":2,"))
        #expect(text.hasSuffix("\n]}\n"))
        // One compact review per line, in log order, and one card per line.
        let lines = text.split(separator: "\n")
        let reviewLines = lines.filter { $0.hasPrefix("{\"itemID\":") }
        #expect(reviewLines.count == document.reviews.count)
        #expect(reviewLines.first?.contains("\"time\":\"2025-03-01T09:30:00.125Z\"") == true)
        let decoder = ProgressCodec.decoder()
        for (line, entry) in zip(reviewLines, document.reviews) {
            let json = line.hasSuffix(",") ? line.dropLast() : line
            #expect(try decoder.decode(ReviewLogEntry.self, from: Data(json.utf8)) == entry)
        }
        #expect(lines.filter { $0.hasPrefix("\"item-") }.count == document.cards.count)
        #expect(!text.contains(": ") && !text.contains("  "), "compact")
    }

    @Test func defaultsEqualADecodeOfAMinimalDocument() throws {
        let minimal = #"{"format": 2, "learner": "default", "created": "2025-03-01T09:30:00.125Z"}"#
        let decoded = try ProgressCodec.decode(Data(minimal.utf8), file: "minimal.json").document
        #expect(decoded == ProgressDocument(learner: "default", created: ProgressFixtures.start))
        #expect(decoded.settings == SchedulerSettings())
        let emptySettings =
            #"{"format": 2, "learner": "default", "created": "2025-03-01T09:30:00.125Z", "settings": {}}"#
        #expect(
            try ProgressCodec.decode(Data(emptySettings.utf8), file: "m").document.settings
                == SchedulerSettings())
    }

    @Test func migratesTheVersionOneFixture() throws {
        let data = try Data(contentsOf: ProgressFixtures.v1Fixture)
        let decoded = try ProgressCodec.decode(data, file: "progress-v1.json")
        #expect(decoded.format == 1)
        let document = decoded.document
        #expect(document.learner == "alice")
        #expect(document.created == ProgressDateFormat.date(from: "2024-09-01T08:00:00Z"))
        #expect(document.updated == ProgressDateFormat.date(from: "2024-09-03T08:06:00Z"))
        #expect(document.settings == SchedulerSettings())
        #expect(
            document.reviews.map(\.itemID) == [
                "owner.ec2.patch-guest-os", "owner.ec2.patch-guest-os", "owner.s3.physical-security",
            ])
        #expect(document.reviews.map(\.rating) == [.good, .easy, .again])
        #expect(document.reviews.map(\.correct) == [true, true, false])
        #expect(
            document.reviews.allSatisfy { $0.mode == nil && $0.durationMs == nil && $0.answer == "customer" })
        #expect(document.phasesBefore == [nil, nil, nil])
        #expect(document.undo.isEmpty)
        let card = try #require(document.cards["owner.ec2.patch-guest-os"])
        #expect(card.phase == .review && card.stability == 4.5 && card.reps == 2)
        #expect(card.due == ProgressDateFormat.date(from: "2024-09-07T08:05:00.500Z"))
        #expect(document.cards["owner.s3.physical-security"]?.step == 1)
        // Written back, it is a format 2 file that reads the same.
        let rewritten = try ProgressCodec.decode(try ProgressCodec.encode(document, file: "x"), file: "x")
        #expect(rewritten.format == 2 && rewritten.document == document)
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        let broken = "{\n  \"format\": 2,\n  \"learner\": \"x\" \"created\": 1\n}"
        #expect {
            try ProgressCodec.decode(Data(broken.utf8), file: "/p/x.json")
        } throws: { error in
            guard case .invalidJSON(let file, let line, _, _)? = error as? ProgressError else { return false }
            return file == "/p/x.json" && line == 3 && "\(error)".contains("/p/x.json:3")
        }
    }

    @Test func namesMissingAndWrongFields() throws {
        let missingDue =
            #"{"format":2,"learner":"x","created":"2025-03-01T09:30:00Z","cards":{"a":{"phase":"new","reps":0,"lapses":0}}}"#
        #expect(throws: ProgressError.missingField(file: "f.json", field: "cards.a.due")) {
            try ProgressCodec.decode(Data(missingDue.utf8), file: "f.json")
        }
        let badRating =
            #"{"format":2,"learner":"x","created":"2025-03-01T09:30:00Z","reviews":[{"itemID":"a","time":"2025-03-01T09:30:00Z","rating":"good"}]}"#
        #expect {
            try ProgressCodec.decode(Data(badRating.utf8), file: "f.json")
        } throws: { error in
            guard case .invalidField(let file, let field, _)? = error as? ProgressError else { return false }
            return file == "f.json" && field == "reviews[0].rating"
        }
        #expect(throws: ProgressError.missingField(file: "f.json", field: "format")) {
            try ProgressCodec.decode(Data(#"{"learner":"x"}"#.utf8), file: "f.json")
        }
        let badDate = #"{"format":2,"learner":"x","created":"March 1st"}"#
        #expect {
            try ProgressCodec.decode(Data(badDate.utf8), file: "f.json")
        } throws: { error in
            guard case .invalidField(_, let field, let message)? = error as? ProgressError else {
                return false
            }
            return field == "created" && message.contains("ISO-8601")
        }
    }

    @Test func refusesNewerFormats() {
        #expect(throws: ProgressError.unsupportedFormat(file: "f.json", found: 3, supported: 1...2)) {
            try ProgressCodec.decode(Data(#"{"format":3,"learner":"x"}"#.utf8), file: "f.json")
        }
    }

    @Test func refusesUnknownVersionOneRatings() {
        let v1 =
            #"{"format":1,"learner":"x","created":"2024-09-01T08:00:00Z","reviews":[{"item":"a","time":"2024-09-01T08:00:00Z","rating":"meh"}]}"#
        #expect {
            try ProgressCodec.decode(Data(v1.utf8), file: "f.json")
        } throws: { error in
            guard case .invalidField(_, let field, let message)? = error as? ProgressError else {
                return false
            }
            return field == "reviews[0].rating" && message.contains("meh")
        }
    }
}
