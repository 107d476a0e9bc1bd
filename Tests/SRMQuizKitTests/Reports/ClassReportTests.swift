import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// The class report's most-missed rule, per-choice counts and the gradebook CSV, on a results file
/// written by hand.
@Suite struct ClassReportTests {
    /// Two generated multiple-choice questions (key fact first, then one fact per distractor) and
    /// an authored scenario whose two facts are both tested.
    static func result() throws -> ClassResult {
        func mc(_ id: String, key: String, distractors: [String]) -> Item {
            Item(
                id: id, kind: .multipleChoice, prompt: "Which is the customer's (\(id))?",
                choices: ["Key \(id)", "D1 \(id)", "D2 \(id)", "D3 \(id)"], answers: ["Key \(id)"],
                explanation: "", tags: [], sources: [], facts: [key] + distractors)
        }
        let scenario = Item(
            id: "q/scn", kind: .scenario, prompt: "Scenario?", choices: ["A", "B", "C"], answers: ["A"],
            explanation: "", tags: [], sources: [], facts: ["scn-fact-1", "scn-fact-2"])
        func r(_ player: String, _ letters: [String]?, _ correct: Bool) -> ClassResponse {
            ClassResponse(
                player: player, answer: letters, correct: correct, timeMs: 1000, points: correct ? 1 : 0)
        }
        let questions = [
            // Everyone right: its key fact is never missed, and nobody chose the distractors.
            ClassQuestionRecord(
                number: 1,
                item: mc("mc/one", key: "guest-os", distractors: ["hypervisor", "facilities", "cabling"]),
                responses: [r("Ann", ["a"], true), r("Bo", ["a"], true), r("Cy", ["a"], true)]),
            // Two of three wrong, both on b.
            ClassQuestionRecord(
                number: 2,
                item: mc("mc/two", key: "iam-users", distractors: ["hypervisor", "disks", "racks"]),
                responses: [r("Ann", ["b"], false), r("Bo", ["b"], false), r("Cy", ["a"], true)]),
            ClassQuestionRecord(
                number: 3, item: scenario,
                responses: [r("Ann", ["a"], true), r("Bo", ["c"], false), r("Cy", nil, false)]),
        ]
        // Through the file format, as `report` reads it.
        let written = ClassResult(
            startedAt: Date(timeIntervalSince1970: 1_750_000_000),
            finishedAt: Date(timeIntervalSince1970: 1_750_000_600),
            seed: 9, bankFiles: ["QuestionBanks"], mode: .together, timerSeconds: nil, speedBonus: false,
            players: ["Ann", "Bo", "Cy"], questions: questions)
        let file = try CLI.temporaryDirectory().appendingPathComponent("class.json")
        try ExamResult.encoder().encode(written).write(to: file)
        guard case .classSession(_, let read) = try ReportInput.load(path: file.path) else {
            throw CLI.CLIError("not read as a class result")
        }
        return read
    }

    @Test func mostMissedCountsOnlyTheFactsAQuestionTests() throws {
        let report = ClassReport.make(file: "class.json", result: try Self.result())
        let missed = Dictionary(uniqueKeysWithValues: report.mostMissedFacts.map { ($0.fact, $0) })
        #expect(missed["iam-users"]?.missed == 2)
        #expect(missed["iam-users"]?.total == 3)
        #expect(missed["scn-fact-1"]?.missed == 2)
        #expect(missed["scn-fact-2"]?.missed == 2)
        for distractor in ["hypervisor", "disks", "racks", "facilities", "cabling"] {
            #expect(missed[distractor] == nil, "\(distractor) was only a wrong option")
        }
        #expect(missed["guest-os"] == nil, "never missed")
    }

    @Test func everyChoiceIsCountedWithTheKeyMarked() throws {
        let report = ClassReport.make(file: "class.json", result: try Self.result())
        #expect(report.questions[1].picks.map(\.count) == [1, 2, 0, 0])
        #expect(report.questions[2].picks.map(\.count) == [1, 0, 1])
        let text = try ReportRenderer.render(
            parts: [.classSession(report)], format: .text, generatedAt: Date(timeIntervalSince1970: 0))
        #expect(text.contains("a* 1 b 2 c 0 d 0"))
        #expect(text.contains("b) D1 mc/two: 2"))
        #expect(!text.contains("% ("), "no percentage printed twice")
    }

    @Test func gradebookCSVIsOneTableASpreadsheetReads() throws {
        var result = try Self.result()
        result.players[2] = "=HYPERLINK(\"x\")"
        for q in result.questions.indices {
            for r in result.questions[q].responses.indices
            where result.questions[q].responses[r].player == "Cy" {
                result.questions[q].responses[r].player = result.players[2]
            }
        }
        let csv = try ReportRenderer.render(
            parts: [.classSession(ClassReport.make(file: "class.json", result: result))], format: .csv,
            generatedAt: Date(timeIntervalSince1970: 0), tables: ["students"])
        let records = try CSVCodec.parse(csv)
        #expect(
            records.map(\.fields.count) == [6, 6, 6, 6], "a header and one row per student, nothing else")
        #expect(records[0].fields == ["Student", "Points", "Right", "Asked", "Percent", "Rank"])
        let byName = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0.fields[0], $0.fields) })
        #expect(byName["Ann"] == ["Ann", "2", "2", "3", "67%", "1"])
        #expect(byName["'=HYPERLINK(\"x\")"] != nil, "a formula is defused")
        #expect(csv.hasSuffix("\r\n") && !csv.contains("\r\n\r\n"))
    }

    @Test func outputDirWritesOneFilePerTable() throws {
        let home = try CLI.temporaryDirectory()
        let file = home.appendingPathComponent("class.json")
        try ExamResult.encoder().encode(try Self.result()).write(to: file)
        let dir = home.appendingPathComponent("tables")
        let run = try CLI.run(["report", "--format", "csv", "--output-dir", dir.path, file.path], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["choices.csv", "facts.csv", "questions.csv", "students.csv"])
        let students = try CSVCodec.parse(
            String(contentsOf: dir.appendingPathComponent("students.csv"), encoding: .utf8))
        #expect(students.count == 4)
        let several = try CLI.run(["report", "--format", "csv", file.path], home: home)
        #expect(several.status == 64)
        #expect(several.stderr.contains("--table NAME"))
    }
}
