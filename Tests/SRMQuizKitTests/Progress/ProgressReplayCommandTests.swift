import Foundation
import SRMQuizTestSupport
import Testing

/// Runs the built `srmquiz progress replay` on the py-fsrs fixture log and compares every line
/// with the reference's replay (written by `scripts/fsrs_vectors.py`).
@Suite struct ProgressReplayCommandTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/SRMQuizKitTests/Fixtures")

    static func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test(arguments: [("0.9", "revlog-replay-r090.jsonl"), ("0.8", "revlog-replay-r080.jsonl")])
    func replayMatchesPyFSRS(retention: String, expectedFile: String) throws {
        let csv = Self.fixtures.appendingPathComponent("revlog-replay.csv").path
        let result = try CLI.run(["progress", "replay", csv, "--retention", retention])
        #expect(result.status == 0, "\(result.stderr)")
        let actual = try Self.objects(result.stdout)
        let expected = try Self.objects(
            String(contentsOf: Self.fixtures.appendingPathComponent(expectedFile), encoding: .utf8))
        #expect(actual.count == expected.count)
        #expect(expected.count > 1000)
        var mismatches: [String] = []
        for (index, (a, e)) in zip(actual, expected).enumerated() {
            let same =
                (a["card_id"] as? Int64) == (e["card_id"] as? Int64)
                && (a["review_time"] as? Int64) == (e["review_time"] as? Int64)
                && (a["state"] as? String) == (e["state"] as? String)
                && (a["step"] as? Int) == (e["step"] as? Int)
                && (a["due"] as? String) == (e["due"] as? String)
                && close(a["stability"], e["stability"]) && close(a["difficulty"], e["difficulty"])
                && Set(a.keys) == Set(e.keys)
            if !same { mismatches.append("line \(index + 1): \(a) != \(e)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    func close(_ a: Any?, _ b: Any?) -> Bool {
        guard let x = (a as? NSNumber)?.doubleValue, let y = (b as? NSNumber)?.doubleValue else {
            return false
        }
        return x == y || abs(x - y) / max(abs(x), abs(y)) <= 1e-9
    }

    @Test func readsStandardInputAndRunsSM2() throws {
        let result = try CLI.run(
            ["progress", "replay", "-", "--scheduler", "sm2"],
            input: "card_id,review_time,review_rating\n7,1767600000000,4\n")
        #expect(result.status == 0)
        let line = try #require(try Self.objects(result.stdout).first)
        #expect(line["ease"] as? Double == 2.5)
        #expect(line["interval"] as? Int == 4)
        #expect(line["state"] as? String == "review")
    }

    @Test func badRowFailsWithLineNumberOnStderr() throws {
        let result = try CLI.run(
            ["progress", "replay", "-"],
            input: "card_id,review_time,review_rating\n7,1767600000000,3\n7,oops,3\n")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("line 3"))
        #expect(result.stderr.contains("review_time"))
    }

    @Test(arguments: [["--retention", "0.5"], ["--scheduler", "sm3"]])
    func badOptionsAreRejected(options: [String]) throws {
        let result = try CLI.run(["progress", "replay", "-"] + options, input: "")
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
    }
}
