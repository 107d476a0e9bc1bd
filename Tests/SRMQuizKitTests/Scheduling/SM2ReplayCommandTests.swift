import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// Runs the built `srmquiz progress replay --scheduler sm2` on a log whose expected states come
/// from the real Anki scheduler (`scripts/anki_sm2_vectors.py`: UTC, days from 4 a.m.).
@Suite struct SM2ReplayCommandTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/SRMQuizKitTests/Fixtures")

    static func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func replayMatchesAnki() throws {
        let csv = Self.fixtures.appendingPathComponent("sm2-revlog-replay.csv").path
        let result = try CLI.run(
            ["progress", "replay", csv, "--scheduler", "sm2", "--time-zone", "UTC", "--day-starts-at", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        let actual = try Self.objects(result.stdout)
        let expected = try Self.objects(
            String(
                contentsOf: Self.fixtures.appendingPathComponent("sm2-revlog-replay.jsonl"), encoding: .utf8))
        #expect(expected.count > 500)
        #expect(actual.count == expected.count)
        var mismatches: [String] = []
        for (index, (a, e)) in zip(actual, expected).enumerated() {
            let same =
                Set(a.keys) == Set(e.keys)
                && ["card_id", "review_time", "state", "step", "ease", "interval", "due"].allSatisfy {
                    "\(a[$0] ?? "nil")" == "\(e[$0] ?? "nil")"
                }
            if !same { mismatches.append("line \(index + 1): \(a) != \(e)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func dayStartAndTimeZoneMoveTheDueDay() throws {
        // Good at 20:00 and 20:10 UTC graduates with a 1-day interval: due from 04:00 UTC the
        // next day; with days from 4 a.m. in Tokyo (UTC+9), from 19:00 UTC the next day.
        let log = "card_id,review_time,review_rating\n1,1767643200000,3\n1,1767643800000,3\n"
        let utc = try CLI.run(
            ["progress", "replay", "-", "--scheduler", "sm2", "--time-zone", "UTC"], input: log)
        #expect(utc.status == 0, "\(utc.stderr)")
        #expect(try Self.objects(utc.stdout).last?["due"] as? String == "2026-01-06T04:00:00Z")
        let tokyo = try CLI.run(
            ["progress", "replay", "-", "--scheduler", "sm2", "--time-zone", "Asia/Tokyo"], input: log)
        #expect(try Self.objects(tokyo.stdout).last?["due"] as? String == "2026-01-06T19:00:00Z")
        // The system's zone by default, TZ respected.
        let system = try CLI.run(
            ["progress", "replay", "-", "--scheduler", "sm2", "--day-starts-at", "0"], input: log,
            environment: ["TZ": "Asia/Tokyo"])
        #expect(try Self.objects(system.stdout).last?["due"] as? String == "2026-01-06T15:00:00Z")
    }

    @Test(arguments: [["--day-starts-at", "24"], ["--day-starts-at", "-1"], ["--time-zone", "Mars/Base"]])
    func badDayOptionsAreRejected(options: [String]) throws {
        let result = try CLI.run(["progress", "replay", "-", "--scheduler", "sm2"] + options)
        #expect(result.status == 64)
        #expect(result.stderr.contains(options[0]))
    }
}

/// `srmquiz study --day-starts-at` and the time zone recorded in the progress file.
@Suite struct StudyDaySettingTests {
    @Test func studyRecordsTheZoneAndTheDayStart() throws {
        let home = try CLI.temporaryDirectory()
        let first = try CLI.run(
            ["study", "--day-starts-at", "6", "--limit", "1"], home: home, environment: ["TZ": "Asia/Tokyo"])
        #expect(first.status == 0, "\(first.stderr)")
        let file = home.appendingPathComponent("data/srmquiz/default.json")
        let settings = try Self.settings(file)
        #expect(settings["dayStartsAt"] as? Int == 6)
        #expect(settings["timeZone"] as? String == "Asia/Tokyo")
        // Travelling: a later session elsewhere keeps the recorded zone and day start.
        let later = try CLI.run(["study", "--limit", "1"], home: home, environment: ["TZ": "America/Denver"])
        #expect(later.status == 0, "\(later.stderr)")
        let kept = try Self.settings(file)
        #expect(kept["timeZone"] as? String == "Asia/Tokyo" && kept["dayStartsAt"] as? Int == 6)
    }

    @Test func badDayStartIsRejected() throws {
        let result = try CLI.run(["study", "--day-starts-at", "24"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--day-starts-at"))
    }

    static func settings(_ file: URL) throws -> [String: Any] {
        let store = try #require(try ProgressDocument.read(at: file)).document
        let data = try JSONEncoder().encode(store.settings)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
