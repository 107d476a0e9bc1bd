import Foundation
import SRMQuizTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An exam's answers survive the process: SIGTERM writes the partial results, SIGKILL leaves a
/// journal that `exam --resume` takes up with every answer given and the time that was left.
@Suite(.serialized) struct DurableExamTests {
    /// Waits (up to 20 s) until `path` has at least `lines` lines.
    func waitForLines(_ path: String, _ lines: Int) {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                text.split(separator: "\n").count >= lines
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("\(path) never reached \(lines) lines")
    }

    func results(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
                as? [String: Any])
    }

    @Test func sigtermWritesThePartialResults() throws {
        let home = try CLI.temporaryDirectory()
        let path = home.appendingPathComponent("exam.json").path
        let exam = try Spawned(
            ["exam", "--count", "4", "--seed", "3", "--minutes", "5", "--results", path, "--no-record"],
            home: home)
        exam.send("a")
        waitForLines(path + ".journal", 2)
        kill(exam.process.processIdentifier, SIGTERM)
        exam.process.waitUntilExit()
        exam.closeInput()
        #expect(exam.process.terminationStatus == 0)
        let object = try results(path)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.first?["answer"] as? [String] == ["a"])
        #expect(questions.dropFirst().allSatisfy { $0["answer"] == nil })
        #expect(!FileManager.default.fileExists(atPath: path + ".journal"))
    }

    @Test func afterSigkillResumeKeepsEveryAnswer() throws {
        let home = try CLI.temporaryDirectory()
        let path = home.appendingPathComponent("exam.json").path
        let exam = try Spawned(
            ["exam", "--count", "4", "--seed", "3", "--minutes", "5", "--results", path, "--no-record"],
            home: home)
        exam.send("a")
        exam.send("b")
        waitForLines(path + ".journal", 3)
        kill(exam.process.processIdentifier, SIGKILL)
        exam.process.waitUntilExit()
        exam.closeInput()
        #expect(!FileManager.default.fileExists(atPath: path))

        let resumed = try CLI.run(
            ["exam", "--resume", "--results", path, "--no-record"], input: ":submit\ny\n", home: home)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resumed: 2 answers kept"))
        // It opens on the question the learner had reached.
        let after = try #require(resumed.stdout.components(separatedBy: "Resumed:").last)
        #expect(after.range(of: "Question 3 of 4") != nil && after.range(of: "Question 1 of 4") == nil)
        let questions = try #require(try results(path)["questions"] as? [[String: Any]])
        #expect(questions.map { $0["answer"] as? [String] } == [["a"], ["b"], nil, nil])
        #expect(!FileManager.default.fileExists(atPath: path + ".journal"))
        let again = try CLI.run(["exam", "--resume", "--results", path, "--no-record"], home: home)
        #expect(again.status == 1)
        #expect(again.stderr.contains("no interrupted exam to resume"))
    }
}
