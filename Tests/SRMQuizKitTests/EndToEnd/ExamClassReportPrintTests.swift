import Foundation
import SRMQuizTestSupport
import Testing

/// `srmquiz exam`, `class`, `report` and `print` run as built, on the bundled bank, with piped
/// stdin and a scratch HOME.
@Suite struct ExamClassReportPrintTests {
    func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    /// Runs an exam of `count` questions answering `a` (or `a b` where two letters are needed)
    /// then submitting; returns the results file.
    func sitExam(home: URL, count: Int = 6, seed: Int = 11) throws -> (CLI.Result, String) {
        let results = home.appendingPathComponent("exam.json").path
        let input = Array(repeating: "a\na b\n", count: count).joined() + ":submit\ny\n"
        let run = try CLI.run(
            ["exam", "--count", "\(count)", "--seed", "\(seed)", "--results", results, "--no-record"],
            input: input,
            home: home)
        return (run, results)
    }

    @Test func examRunsToTheEndAndSavesPrivateResults() throws {
        let home = try CLI.temporaryDirectory()
        let (run, results) = try sitExam(home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Mock exam: 6 questions, 9 minutes, pass mark 70%. Seed 11."))
        #expect(run.stdout.contains("] [1/6] > a\n"))
        #expect(run.stdout.contains("Score: "))
        #expect(run.stdout.contains("By owner:"))
        #expect(run.stdout.contains("Results saved to \(results)"))
        let object = try json(results)
        #expect(object["format"] as? String == "srmquiz-exam-result")
        #expect(object["seed"] as? Int == 11)
        #expect((object["bankFiles"] as? [Any])?.isEmpty == false)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.count == 6)
        #expect(questions.allSatisfy { $0["id"] is String && $0["timeMs"] is Int && $0["correct"] is Bool })
        #expect(try mode(results) == 0o600)
        // The same seed asks the same questions.
        let (_, again) = try sitExam(home: try CLI.temporaryDirectory())
        let ids = { (o: [String: Any]) in
            (o["questions"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        }
        #expect(ids(try json(again)) == ids(object))
    }

    @Test func examSavesToTheDataFolderByDefault() throws {
        let home = try CLI.temporaryDirectory()
        let run = try CLI.run(
            ["exam", "--count", "2", "--seed", "1", "--no-record"], input: ":submit\ny\n", home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = home.appendingPathComponent("data/srmquiz/results")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        #expect(files.first?.hasPrefix("exam-") == true)
        #expect(run.stdout.contains("2 questions are unanswered. Submit anyway?"))
    }

    @Test func examAnswersFeedTheLearnersSchedule() throws {
        let home = try CLI.temporaryDirectory()
        let progress = home.appendingPathComponent("me.json").path
        let input = Array(repeating: "a\na b\n", count: 3).joined() + ":submit\ny\n"
        let run = try CLI.run(
            [
                "exam", "--count", "3", "--seed", "5", "--progress", progress, "--results",
                home.appendingPathComponent("r.json").path,
            ],
            input: input, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 answers added to default's review schedule"))
        let show = try CLI.run(["progress", "show", "--json", "--progress", progress], home: home)
        #expect(show.status == 0, "\(show.stderr)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect("\(summary)".contains("reviews"))
        let document = try SessionCommandTests.progressJSON(URL(fileURLWithPath: progress))
        let log = try #require(document["reviews"] as? [[String: Any]])
        #expect(log.count == 3)
        #expect(log.allSatisfy { $0["mode"] as? String == "exam" })
    }

    @Test func examRefusesALockedOrCorruptProgressFileBeforeStarting() throws {
        let home = try CLI.temporaryDirectory()
        let progress = home.appendingPathComponent("broken.json")
        try Data("{ not json".utf8).write(to: progress)
        let run = try CLI.run(
            ["exam", "--count", "2", "--seed", "1", "--progress", progress.path], input: "a\n", home: home)
        #expect(run.status == 1)
        #expect(run.stderr.contains(progress.path))
        #expect(!run.stdout.contains("Mock exam"))
        #expect(try Data(contentsOf: progress) == Data("{ not json".utf8))
    }

    @Test func reportWithoutFilesUsesTheLearnersProgress() throws {
        let home = try CLI.temporaryDirectory()
        let none = try CLI.run(["report", "--learner", "zed"], home: home)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no progress file for learner 'zed'"))
        let input = Array(repeating: "a\na b\n", count: 2).joined() + ":submit\ny\n"
        let exam = try CLI.run(
            ["exam", "--count", "2", "--seed", "3", "--learner", "zed"], input: input, home: home)
        #expect(exam.status == 0, "\(exam.stderr)")
        let report = try CLI.run(["report", "--learner", "zed"], home: home)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Learner progress"))
        #expect(report.stdout.contains("Progress by week"))
    }

    @Test func examRejectsBadOptions() throws {
        let run = try CLI.run(["exam", "--count", "0"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--count must be 1 or more"))
    }

    @Test func classPlaysTogetherAndSavesResults() throws {
        let home = try CLI.temporaryDirectory()
        let results = home.appendingPathComponent("class.json").path
        let run = try CLI.run(
            ["class", "--players", "Ann,Bo", "--count", "2", "--seed", "5", "--results", results],
            input: "a\na b\nac b\nb a\nac bd\n", home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Expected 2 answers, one per player in this order: Ann, Bo; got 1."))
        #expect(run.stdout.contains("Scoreboard:"))
        #expect(run.stdout.contains("Final standings"))
        #expect(run.stdout.contains("Question  Answer  Right"))
        let object = try json(results)
        #expect(object["format"] as? String == "srmquiz-class-result")
        #expect(object["players"] as? [String] == ["Ann", "Bo"])
        #expect((object["questions"] as? [Any])?.count == 2)
    }

    @Test func classRosterErrorsNameTheLine() throws {
        let home = try CLI.temporaryDirectory()
        let roster = home.appendingPathComponent("roster.txt")
        try "# room 4\nAnn\nBo\nann\n".write(to: roster, atomically: true, encoding: .utf8)
        let run = try CLI.run(["class", "--roster", roster.path], home: home)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(roster.path):4: duplicate name \"ann\" (first at line 2)"))
        let both = try CLI.run(["class", "--roster", roster.path, "--players", "A,B"], home: home)
        #expect(both.status != 0)
        #expect(both.stderr.contains("give either --players or --roster"))
    }

    @Test func reportReadsExamAndClassResultsInEveryFormat() throws {
        let home = try CLI.temporaryDirectory()
        let (_, exam) = try sitExam(home: home)
        let cls = home.appendingPathComponent("class.json").path
        _ = try CLI.run(
            ["class", "--players", "Ann,Bo,Cy", "--count", "3", "--seed", "2", "--results", cls],
            input: "a b c\nb b a\nab cd ac\n", home: home)
        let text = try CLI.run(["report", exam, cls], home: home)
        #expect(text.status == 0, "\(text.stderr)")
        for line in text.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(text.stdout.contains("Exam result"))
        #expect(text.stdout.contains("Facility"))
        for format in ["markdown", "csv", "json", "html"] {
            let out = home.appendingPathComponent("report.\(format)").path
            let table = format == "csv" ? ["--table", "students"] : []
            let run = try CLI.run(
                ["report", "--format", format, "--output", out, exam, cls] + table, home: home)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            let written = try String(contentsOfFile: out, encoding: .utf8)
            #expect(!written.isEmpty)
            if format == "markdown" {
                for line in written.split(separator: "\n") { #expect(line.count <= 80) }
            }
            if format == "html" { #expect(written.contains("@media print") && !written.contains("src=")) }
        }
    }

    @Test func readinessForecastForAnExamDate() throws {
        let home = try CLI.temporaryDirectory()
        let input = Array(repeating: "a\na b\n", count: 6).joined() + ":submit\ny\n"
        let exam = try CLI.run(
            ["exam", "--count", "6", "--seed", "3", "--learner", "ann"], input: input, home: home)
        #expect(exam.status == 0, "\(exam.stderr)")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let date = formatter.string(from: Date().addingTimeInterval(20 * 86400))
        let run = try CLI.run(["report", "--readiness", "--exam-date", date, "--learner", "ann"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Learner:         ann"))
        #expect(run.stdout.contains("Exam date:       \(date)"))
        #expect(run.stdout.contains("Predicted score: "))
        #expect(run.stdout.contains("(band "))
        #expect(run.stdout.contains("To reach 80%:"))
        #expect(run.stdout.contains("Study these topics first"))
        #expect(!run.stdout.contains("Weakest items"), "only the forecast")
        let past = try CLI.run(
            ["report", "--readiness", "--exam-date", "2001-01-01", "--learner", "ann"], home: home)
        #expect(past.status == 64)
        #expect(past.stderr.contains("in the past"))
        let bad = try CLI.run(
            ["report", "--readiness", "--exam-date", "31/12/2030", "--learner", "ann"], home: home)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--exam-date must be a date such as"))
    }

    @Test func reportNamesAnUnknownFile() throws {
        let home = try CLI.temporaryDirectory()
        let bad = home.appendingPathComponent("notes.json")
        try #"{"hello": "world"}"#.write(to: bad, atomically: true, encoding: .utf8)
        let run = try CLI.run(["report", bad.path], home: home)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad.path): unknown kind of file"))
    }

    @Test func printMakesTheSameSheetForTheSameSeed() throws {
        let first = try CLI.run(["print", "--count", "5", "--seed", "21"])
        let second = try CLI.run(["print", "--count", "5", "--seed", "21"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("**Seed:** 21"))
        #expect(first.stdout.contains("## Question 5"))
        #expect(first.stdout.contains("(a) "))
        let other = try CLI.run(["print", "--count", "5", "--seed", "22"])
        #expect(other.stdout != first.stdout)
        let key = try CLI.run(["print", "--count", "5", "--seed", "21", "--answer-key", "--format", "text"])
        #expect(key.status == 0)
        #expect(key.stdout.contains("answer key"))
        #expect(key.stdout.contains("Answer grid"))
        #expect(key.stdout.range(of: #"1 [a-e](,[a-e])* · 2 "#, options: .regularExpression) != nil)
        #expect(!key.stdout.contains(CLI.root.path), "no local path on a handout")
        for line in key.stdout.split(separator: "\n") { #expect(line.count <= 80) }
    }
}
