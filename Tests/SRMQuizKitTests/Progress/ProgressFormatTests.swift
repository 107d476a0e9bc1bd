import Foundation
import Testing

@testable import SRMQuizKit

@Suite struct ProgressFormatTests {
    @Test func timesAreISO8601WithMillisecondsAndReadBackExactly() throws {
        #expect(ProgressTime.string(from: ProgressFixtures.start) == "2025-03-01T09:30:00.125Z")
        #expect(ProgressTime.string(from: Date(timeIntervalSince1970: -0.0005)) == "1970-01-01T00:00:00.000Z")
        #expect(
            ProgressTime.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let ms = Int64(rng.next() % 253_402_300_800_000) - 62_135_596_800_000 / 2
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let text = try #require(ProgressTime.string(from: date))
            #expect(ProgressTime.date(from: text) == date, "\(text)")
            #expect(ProgressTime.string(from: try #require(ProgressTime.date(from: text))) == text)
        }
    }

    @Test(arguments: [
        "2025-02-29T00:00:00.000Z", "2025-02-31T00:00:00.000Z", "2025-13-01T00:00:00.000Z",
        "2025-03-01T24:00:00.000Z", "2025-03-01T09:60:00.000Z", "0000-01-01T00:00:00.000Z",
        "2025-03-01T09:30:00Z", "2025-03-01T09:30:00.125+01:00", "10000-01-01T00:00:00.000Z", "",
    ])
    func invalidTimesAreRefused(text: String) {
        #expect(ProgressTime.date(from: text) == nil)
    }

    @Test func timesOutsideYearsOneTo9999AreNotWritten() throws {
        for seconds in [253_402_300_800.0, -62_135_596_801, .infinity, .nan] {
            #expect(ProgressTime.string(from: Date(timeIntervalSince1970: seconds)) == nil)
            let line = ProgressLogLine(
                event: .settings, settings: SchedulerSettings(), at: Date(timeIntervalSince1970: seconds))
            #expect((try? ProgressCodec.lineEncoder().encode(line)) == nil)
        }
    }

    @Test func anInvalidDateInTheLogIsRefusedWithItsLine() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        for n in 0..<3 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        store.close()
        var lines = try ProgressFixtures.logLines(url)
        let time = try #require(ProgressTime.string(from: ProgressFixtures.entry(0).time))
        lines[0] = ProgressFixtures.resealed(
            lines[0].replacingOccurrences(
                of: "\"time\":\"\(time)\"", with: "\"time\":\"2025-02-31T00:00:00.000Z\""))
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: ProgressFixtures.log(of: url))
        #expect {
            try ProgressDocument.read(at: url)
        } throws: { error in
            guard case .logDamaged(_, let line, let offset, let message)? = error as? ProgressError else {
                return false
            }
            return line == 1 && offset == 0 && message.contains("2025-02-31")
                && message.contains("review.time")
        }
    }

    @Test func settingsDefaultsEqualADecodeOfAnEmptyObject() throws {
        let decoded = try ProgressCodec.decoder().decode(SchedulerSettings.self, from: Data("{}".utf8))
        #expect(decoded == SchedulerSettings())
        let partial = try ProgressCodec.decoder().decode(
            SchedulerSettings.self, from: Data(#"{"kind":"sm2","newPerDay":5}"#.utf8))
        #expect(partial.kind == .sm2 && partial.newPerDay == 5 && partial.learningSteps == [60, 600])
    }

    @Test func stateFileErrorsNameTheFieldOrTheLine() throws {
        let temp = ProgressTempFolder()
        let cases: [(String, (ProgressError) -> Bool)] = [
            (
                "{\n  \"format\": 3,\n  \"learner\": \"x\" \"created\": 1\n}",
                { if case .invalidJSON(_, 3, _, _) = $0 { true } else { false } }
            ),
            (
                #"{"format":3,"learner":"x","created":"2025-03-01T09:30:00.000Z","updated":"2025-03-01T09:30:00.000Z","settings":{},"logLines":0,"logBytes":0,"cards":{"a":{"phase":"new","reps":0,"lapses":0}}}"#,
                { $0 == .missingField(file: temp.file("s.json").path, field: "cards.a.due") }
            ),
            (
                #"{"format":3,"learner":"x","created":"March 1st"}"#,
                {
                    if case .invalidField(_, "created", let m) = $0 {
                        m.contains("2025-03-01T09:30:00.125Z")
                    } else {
                        false
                    }
                }
            ),
        ]
        for (text, check) in cases {
            let url = temp.file("s.json")
            try Data(text.utf8).write(to: url)
            #expect(
                performing: { try ProgressDocument.read(at: url) }, throws: { check($0 as! ProgressError) })
        }
    }

    // MARK: The fast path

    /// A random string: mostly plain, sometimes with quotes, escapes, control characters or
    /// non-ASCII text (which the fast path must hand to `JSONDecoder`, or read the same).
    static func randomString(_ rng: inout SeededGenerator) -> String {
        let pieces = [
            "customer", "aws", "\"", "\\", "/", "\n", "\u{01}", "é", "東京", "🤖", " ", "a-b.c_d", "\u{2028}",
        ]
        return (0..<Int(rng.next() % 5)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    static func randomDouble(_ rng: inout SeededGenerator) -> Double {
        switch rng.next() % 5 {
        case 0: Double(rng.next() % 100)
        case 1: rng.nextUnit() * 1e-6
        case 2: rng.nextUnit() * 36_500
        case 3: -rng.nextUnit()
        default: Double(bitPattern: 0x3FF0_0000_0000_0000 | (rng.next() >> 12))
        }
    }

    static func randomCard(_ rng: inout SeededGenerator) -> Card {
        func maybe<T>(_ value: T) -> T? { rng.next() % 3 == 0 ? nil : value }
        return Card(
            phase: CardPhase.allCases[Int(rng.next() % 4)], step: maybe(Int(rng.next() % 3)),
            stability: maybe(randomDouble(&rng)), difficulty: maybe(randomDouble(&rng)),
            ease: maybe(randomDouble(&rng)), interval: maybe(randomDouble(&rng)),
            due: Date(timeIntervalSince1970: Double(Int64(rng.next() % 4_000_000_000_000)) / 1000),
            lastReview: maybe(
                Date(timeIntervalSince1970: Double(Int64(rng.next() % 2_000_000_000_000)) / 1000)),
            reps: Int(rng.next() % 1000), lapses: Int(rng.next() % 50))
    }

    static func randomLine(_ rng: inout SeededGenerator) -> ProgressLogLine {
        let entry = ReviewLogEntry(
            itemID: "item." + randomString(&rng),
            time: Date(timeIntervalSince1970: Double(Int64(rng.next() % 4_000_000_000_000)) / 1000),
            rating: Rating.allCases[Int(rng.next() % 4)],
            answer: rng.next() % 2 == 0 ? randomString(&rng) : nil,
            correct: [true, false, nil][Int(rng.next() % 3)],
            durationMs: rng.next() % 2 == 0 ? Int(rng.next() % 100_000) : nil,
            mode: rng.next() % 2 == 0 ? "study" : nil)
        switch rng.next() % 6 {
        case 0: return ProgressLogLine(event: .undo, review: entry, at: entry.time)
        case 1:
            var settings = SchedulerSettings(
                kind: rng.next() % 2 == 0 ? .fsrs : .sm2, desiredRetention: 0.7 + rng.nextUnit() / 4)
            if rng.next() % 2 == 0 { settings.parameters = (0..<21).map { _ in randomDouble(&rng) } }
            return ProgressLogLine(event: .settings, settings: settings, at: entry.time)
        default:
            return ProgressLogLine(
                event: .review, review: entry, phaseBefore: rng.next() % 4 == 0 ? nil : .review,
                before: rng.next() % 3 == 0 ? nil : randomCard(&rng),
                after: rng.next() % 10 == 0 ? nil : randomCard(&rng))
        }
    }

    @Test func theFastPathReadsEveryLineAsJSONDecoderDoes() throws {
        var rng = SeededGenerator(seed: 2026)
        let encoder = ProgressCodec.lineEncoder()
        let decoder = ProgressCodec.decoder()
        var fast = 0
        for n in 0..<5000 {
            let line = Self.randomLine(&rng)
            var data = try encoder.encode(line)
            if n % 7 == 0 {  // layouts the encoder does not write: spaces, another key order
                let object = try JSONSerialization.jsonObject(with: data)
                data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])
            }
            let expected = try decoder.decode(ProgressLogLine.self, from: data)
            let bytes = [UInt8](data)
            if let quick = bytes.withUnsafeBufferPointer({ ProgressFastPath.line($0) }) {
                fast += 1
                #expect(quick == expected, "\(String(decoding: data, as: UTF8.self))")
            }
            let text = String(decoding: data, as: UTF8.self)
            #expect(try ProgressFixtures.decodeLine(text, number: n + 1) == expected)
            if n % 7 != 0 {  // as the log holds it, with its integrity check
                let sealed = String(decoding: ProgressCheck.seal(data, pretty: false), as: UTF8.self)
                #expect(try ProgressFixtures.decodeLine(sealed, checked: true) == expected)
            }
            var strings = StringTable()
            if let skipped = bytes.withUnsafeBufferPointer({
                ProgressFastPath.line($0, skipCards: true, strings: &strings)
            }) {
                var answersOnly = expected
                answersOnly.before = nil
                answersOnly.after = nil
                #expect(skipped == answersOnly, "readers skip only the cards")
            }
            if n % 7 != 0 { #expect(expected == line, "what is written reads back as the same value") }
        }
        #expect(fast > 2000, "the fast path reads most lines the encoder writes")
    }

    @Test func theFastPathReadsStateFilesAsJSONDecoderDoes() throws {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<50 {
            var cards: [String: Card] = [:]
            for n in 0..<Int(rng.next() % 40) {
                cards["item-\(n)" + (n % 5 == 0 ? Self.randomString(&rng) : "")] = Self.randomCard(&rng)
            }
            let state = ProgressStateFile(
                learner: "ann", created: ProgressFixtures.start, updated: ProgressFixtures.start,
                settings: SchedulerSettings(), logLines: Int(rng.next() % 1000),
                logBytes: Int(rng.next() % 100_000),
                cards: cards)
            let data = try ProgressCodec.fileEncoder().encode(state)
            let expected = try ProgressCodec.decoder().decode(ProgressStateFile.self, from: data)
            #expect(expected == state)
            if let quick = [UInt8](data).withUnsafeBufferPointer({ ProgressFastPath.state($0) }) {
                #expect(quick == expected)
            }
        }
    }

    /// Found by the `state` fuzz target: a value cut off inside a string made the skipper step
    /// past the end of the buffer (a heap read overflow under AddressSanitizer).
    @Test(arguments: [
        #"{  "settings" : "!"#, #"{"settings":"\"#, #"{"settings":{"a":"b"#, #"{"settings":["\"#,
        #"{"settings":"#, #"{"settings":"a\\"#,
    ])
    func aStateCutOffInsideAStringIsRefusedNotOverread(text: String) {
        let quick = Array(text.utf8).withUnsafeBufferPointer { ProgressFastPath.state($0) }
        #expect(quick == nil)
        let line = Array(text.utf8).withUnsafeBufferPointer { ProgressFastPath.line($0) }
        #expect(line == nil)
    }

    @Test func linesTheFastPathDoesNotExpectAreDecodedOrRefusedByJSONDecoder() throws {
        let ok =
            #"{"event":"settings","settings":{"kind":"sm2"},"at":"2025-03-01T09:30:00.125Z","extra":[1,{"a":null}]}"#
        #expect(try ProgressFixtures.decodeLine(ok).settings?.kind == .sm2)
        let bad = #"{"event":"review","review":{"itemID":"a","time":"2025-03-01T09:30:00.125Z","rating":7}}"#
        #expect(throws: ProgressError.self) { try ProgressFixtures.decodeLine(bad, number: 4) }
        let incomplete = #"{"event":"undo"}"#
        #expect(
            throws: ProgressError.logDamaged(
                file: "f", line: 9, offset: 0, message: "an undo line needs `review`")
        ) { try ProgressFixtures.decodeLine(incomplete, number: 9) }
        #expect(throws: ProgressError.self, "a line without its check, in a checked log") {
            try ProgressFixtures.decodeLine(ok, checked: true)
        }
    }
}
