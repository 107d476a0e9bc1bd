import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// `srmquiz study|quiz|cram` run as a built binary with piped standard input.
@Suite struct SessionCommandTests {
    /// A scratch folder holding the fixture bank; returns (folder, bank file).
    static func scratch() throws -> (URL, String) {
        let dir = try CLI.temporaryDirectory()
        let bank = dir.appendingPathComponent("bank.yaml")
        try BankFixture.minimal.write(to: bank, atomically: true, encoding: .utf8)
        return (dir, bank.path)
    }

    /// The progress state file at `path` as JSON, with `reviews`: the answers in effect in its
    /// review log, as JSON objects.
    static func progressJSON(_ path: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: path)
        var state = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let document = try #require(try ProgressDocument.read(at: path)).document
        let reviews = try ProgressCodec.lineEncoder().encode(document.reviews)
        state["reviews"] = try JSONSerialization.jsonObject(with: reviews)
        return state
    }

    @Test func pipedQuizAnswersAreSavedAndTheOutputHasNoEscapeCodes() throws {
        let (dir, bank) = try Self.scratch()
        let progress = dir.appendingPathComponent("p.json")
        let result = try CLI.run(
            [
                "quiz", "--count", "2", "--seed", "1", "--kind", "owner", "--no-bundled", "--bank", bank,
                "--progress",
                progress.path,
            ],
            input: "a\n:quit\n", home: dir, environment: ["NO_COLOR": "", "TERM": "xterm-256color"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("srmquiz quiz: 2 questions"))
        #expect(result.stdout.contains("> a\n"))
        #expect(result.stdout.contains("Session summary"))
        #expect(result.stdout.contains("Answered 1,"))
        #expect(!result.stdout.contains("\u{1B}"))
        let reviews = try #require(try Self.progressJSON(progress)["reviews"] as? [[String: Any]])
        #expect(reviews.count == 1)
        #expect(reviews.first?["answer"] as? String == "a")
        #expect(reviews.first?["mode"] as? String == "quiz")
    }

    @Test func noRecordAndCramLeaveTheProgressFileAlone() throws {
        let (dir, bank) = try Self.scratch()
        let progress = dir.appendingPathComponent("p.json")
        for args in [["quiz", "--count", "2", "--seed", "3", "--no-record"], ["cram", "--count", "2"]] {
            let result = try CLI.run(
                args + ["--no-bundled", "--bank", bank, "--progress", progress.path], input: "a\nb\n",
                home: dir)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Nothing was recorded"))
        }
        let reviews = (try? Self.progressJSON(progress))?["reviews"] as? [[String: Any]] ?? []
        #expect(reviews.isEmpty)
    }

    @Test func studyIsTheDefaultAndEndOfInputSavesAndSummarises() throws {
        let (dir, bank) = try Self.scratch()
        let result = try CLI.run(["--no-bundled", "--bank", bank], input: "b\n", home: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("srmquiz study: 0 due now,"))
        #expect(result.stdout.contains("Session summary"))
        let file = dir.appendingPathComponent("data/srmquiz/default.json")
        let reviews = try #require(try Self.progressJSON(file)["reviews"] as? [[String: Any]])
        #expect(reviews.count == 1)
        #expect(reviews.first?["mode"] as? String == "study")
    }

    @Test(arguments: [
        ["quiz", "--count", "0"], ["quiz", "--owner", "nobody"], ["study", "--retention", "2"],
        ["cram", "--kind", "essay"], ["study", "--scheduler", "sm3"],
    ])
    func badOptionsFailWithAMessage(args: [String]) throws {
        let (dir, bank) = try Self.scratch()
        let result = try CLI.run(args + ["--no-bundled", "--bank", bank], home: dir)
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
    }

    @Test func aMissingBankFailsWithExitCode1() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(
            ["quiz", "--no-bundled", "--bank", dir.appendingPathComponent("none.yaml").path], home: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("srmquiz:"))
    }
}
