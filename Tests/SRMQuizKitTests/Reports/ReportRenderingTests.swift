import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

@Suite struct ReportRenderingTests {
    static let start = Date(timeIntervalSince1970: 1_750_000_000)

    static func classResult() -> ClassResult {
        let long = ExamFixture.single("q1-with-a-very-long-identifier-that-will-not-fit-in-a-column-at-all")
        var items = [long, ExamFixture.single("q2", correct: 1), ExamFixture.multi("q3")]
        items[1].prompt = "A <script>alert('x')</script> & \"quoted\" | piped question?"
        var session = ClassSession(
            items: items, players: ["Ann", "Bo", "Cy", "Dee"], mode: .together, timerSeconds: nil,
            speedBonus: false,
            seed: 77, startedAt: start)
        let a = ChoiceAnswer(letters: ["a"])
        let b = ChoiceAnswer(letters: ["b"])
        let ac = ChoiceAnswer(letters: ["a", "c"])
        session.answerNext([a, a, b, nil], elapsed: 3)
        session.answerNext([b, a, b, b], elapsed: 3)
        session.answerNext([ac, ac, b, ac], elapsed: 3)
        return session.result(finishedAt: start.addingTimeInterval(60), bankFiles: ["QuestionBanks"])
    }

    static func examResult() -> ExamResult {
        var session = ExamSession(
            items: [
                ExamFixture.single("e1"), ExamFixture.single("e2", owner: "aws"), ExamFixture.multi("e3"),
            ],
            configuration: ExamConfiguration(count: 3, minutes: 5, seed: 5), startedAt: start)
        session.show(0, at: start)
        session.answer(ChoiceAnswer(letters: ["a"]), at: start)
        session.show(1, at: start)
        session.answer(ChoiceAnswer(letters: ["c"]), at: start)
        return session.result(
            finishedAt: start.addingTimeInterval(90), timedOut: false, bankFiles: ["bank.yaml"])
    }

    static func parts() -> [ReportBuilder.Part] {
        var log: [ReviewLogEntry] = []
        for n in 0..<12 {
            let id = n % 2 == 0 ? "s1" : "s2"
            let time = start.addingTimeInterval(Double(n) * 2 * 86400)
            log.append(ReviewLogEntry(itemID: id, time: time, rating: .good, correct: n % 3 != 0))
        }
        let cards = [
            "s1": Card(due: start, lapses: 2),
            "s2": Card(due: start.addingTimeInterval(30 * 86400)),
        ]
        let items = ["s1": ExamFixture.single("s1"), "s2": ExamFixture.single("s2", owner: "aws")]
        return [
            .learner(
                LearnerReport.make(
                    file: "progress.json", log: log, cards: cards, items: items,
                    now: start.addingTimeInterval(86400))),
            .learner(LearnerReport.make(file: "exam.json", exam: examResult())),
            .classSession(ClassReport.make(file: "class.json", result: classResult())),
        ]
    }

    @Test(arguments: [ReportFormat.text, .markdown])
    func printableFormatsFitEightyColumns(format: ReportFormat) throws {
        let text = try ReportRenderer.render(parts: Self.parts(), format: format, generatedAt: Self.start)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 80, "too wide (\(line.count)): \(line)")
        }
        #expect(text.contains("Date"))
        #expect(text.contains("77"))  // the class's seed in the header
        #expect(text.contains("QuestionBanks"))
        #expect(text.contains("Facility"))
        #expect(text.contains("Most-missed facts"))
        #expect(text.contains("Progress by week"))
        #expect(text.contains("Due"))
    }

    @Test func classStatisticsMatchTheAnswers() {
        let report = ClassReport.make(file: "c.json", result: Self.classResult())
        // Q1 (key a): Ann a, Bo a, Cy b, Dee blank → 2 of 4 right, facility 50; b picked once.
        #expect(report.questions[0].facility == 50)
        #expect(report.questions[0].unanswered == 1)
        #expect(
            report.questions[0].wrongChoices == [
                .init(
                    letter: "b",
                    choice: "Beta q1-with-a-very-long-identifier-that-will-not-fit-in-a-column-at-all",
                    count: 1)
            ])
        // Scores: Ann 1,1,1 = 3; Bo 1,0,1 = 2; Cy 0,1,0 = 1; Dee 0,1,1 = 2.
        // Q2 (key b): x = [1,0,1,1], rest = [2,2,0,1]; mean x .75, mean rest 1.25
        //   dx = [.25,−.75,.25,.25], dr = [.75,.75,−1.25,−.25]
        //   Σdx·dr = .1875 − .5625 − .3125 − .0625 = −0.75; Σdx² = .75; Σdr² = .5625+.5625+1.5625+.0625 = 2.75
        //   r = −0.75 / √(.75 × 2.75) = −0.52223 → D = −52.223
        let d = report.questions[1].discrimination ?? 0
        #expect(abs(d - (-52.223)) < 0.001)
        #expect(report.students.map(\.name) == ["Ann", "Bo", "Dee", "Cy"])
        #expect(report.students.map(\.rank) == [1, 2, 2, 4])
    }

    @Test func htmlIsSelfContainedEscapedAndPrintable() throws {
        let html = try ReportRenderer.render(parts: Self.parts(), format: .html, generatedAt: Self.start)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("class=\"fill\" style=\"width:"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        for external in ["src=", "href=", "@import", "url(", "http://", "https://"] {
            #expect(!html.contains(external), "external reference: \(external)")
        }
    }

    @Test func csvQuotesAndDefusesFormulas() throws {
        let csv = try ReportRenderer.render(
            parts: Self.parts(), format: .csv, generatedAt: Self.start, tables: ["choices"])
        #expect(csv.contains(",\"A <script>alert('x')</script> & \"\"quoted\"\" | piped question?\","))
        #expect(csv.hasPrefix("Question,Prompt,Letter,Choice,Picked,Key\r\n"))
        #expect(csv.hasSuffix("\r\n"))
        let doc = ReportDocument(
            title: "t", header: [],
            sections: [
                .init(
                    title: "s",
                    blocks: [.table(.init(name: "t", columns: ["a", "b"], rows: [["=SUM(A1)", "-3"]]))])
            ])
        #expect(try CSVReportRenderer.render(doc) == "a,b\r\n'=SUM(A1),-3\r\n")
    }

    @Test func csvWithSeveralTablesAsksWhichOne() throws {
        #expect(throws: ReportTableError.self) {
            try ReportRenderer.render(parts: Self.parts(), format: .csv, generatedAt: Self.start)
        }
        do {
            _ = try ReportRenderer.render(
                parts: Self.parts(), format: .csv, generatedAt: Self.start, tables: ["nope"])
            Issue.record("expected an error")
        } catch let error as ReportTableError {
            #expect(error.description.contains("no table \"nope\""))
            #expect(error.description.contains("students"))
        }
    }

    @Test func jsonHasTheKindsAndStatistics() throws {
        let json = try ReportRenderer.render(parts: Self.parts(), format: .json, generatedAt: Self.start)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let parts = try #require(object["parts"] as? [[String: Any]])
        #expect(parts.map { $0["kind"] as? String } == ["learner", "learner", "class"])
        let cls = try #require(parts[2]["class"] as? [String: Any])
        let questions = try #require(cls["questions"] as? [[String: Any]])
        #expect(questions[0]["facility"] as? Double == 50)
    }

    @Test func learnerReportCountsWeeksWeakestAndDue() {
        guard case .learner(let r) = Self.parts()[0] else { return #expect(Bool(false)) }
        // 12 answers, every third (n = 0, 3, 6, 9) wrong: 8 of 12 right.
        #expect(r.correct == 8 && r.graded == 12)
        #expect(r.weeks.reduce(0) { $0 + $1.reviews } == 12)
        #expect(r.weakest.first?.id == "s1")  // two lapses
        #expect(r.due == .init(dueNow: 1, dueThisWeek: 0, cards: 2))
        #expect(r.breakdowns.first { $0.dimension == "owner" }?.rows.map(\.label) == ["aws", "customer"])
    }
}

@Suite struct ReportInputTests {
    func temp(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srmquiz-report-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func detectsEachKind() throws {
        let exam = try temp(
            String(
                decoding: try ExamResult.encoder().encode(ReportRenderingTests.examResult()), as: UTF8.self))
        let cls = try temp(
            String(
                decoding: try ExamResult.encoder().encode(ReportRenderingTests.classResult()), as: UTF8.self))
        // Progress is never written in a folder everyone can write (such as /tmp itself).
        let folder = ProgressTempFolder()
        let progressURL = folder.file("srmquiz-report-progress.json")
        let store = try ProgressStore.open(
            at: progressURL, learner: "ann", createWith: SchedulerSettings(),
            clock: FixedClock(Date(timeIntervalSince1970: 1_750_000_000)))
        try store.record(
            ReviewLogEntry(
                itemID: "a", time: Date(timeIntervalSince1970: 1_750_000_000), rating: .good, correct: true),
            card: Card.new(at: Date(timeIntervalSince1970: 1_750_000_000)))
        store.close()
        let progress = progressURL.path
        if case .exam = try ReportInput.load(path: exam) {} else { Issue.record("exam not detected") }
        if case .classSession = try ReportInput.load(path: cls) {} else { Issue.record("class not detected") }
        if case .progress(_, let log, _, _) = try ReportInput.load(path: progress) {
            #expect(log.count == 1)
        } else {
            Issue.record("progress not detected")
        }
    }

    @Test(arguments: [
        ("not json", "not JSON"),
        ("[1,2]", "expected a JSON object"),
        (#"{"hello":1}"#, "unknown kind of file"),
        (#"{"format":"srmquiz-exam-result","version":1}"#, "corrupt: missing"),
        (#"{"format":2,"reviews":[{"itemID":"a"}]}"#, "missing"),
    ])
    func badFilesNameTheFileAndTheProblem(text: String, message: String) throws {
        let path = try temp(text)
        do {
            _ = try ReportInput.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(path + ": "))
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}

@Suite struct WorksheetTests {
    let items = (0..<8).map { ExamFixture.single("w\($0)") } + [ExamFixture.multi("wm")]

    @Test(arguments: Worksheet.Format.allCases)
    func sameSeedSameSheet(format: Worksheet.Format) {
        let a = Worksheet(
            items: ExamSelector.select(from: items, count: 5, seed: 3), seed: 3, bankFiles: ["b"])
        let b = Worksheet(
            items: ExamSelector.select(from: items.reversed(), count: 5, seed: 3), seed: 3, bankFiles: ["b"])
        #expect(a.render(format) == b.render(format))
        #expect(a.render(format, answerKey: true) == b.render(format, answerKey: true))
    }

    @Test func sheetHasNumbersLettersChooseTwoAndTheSeed() {
        let sheet = Worksheet(
            items: [ExamFixture.single("w1"), ExamFixture.multi("wm")], seed: 12, bankFiles: ["bank.yaml"])
        let text = sheet.render(.text)
        #expect(text.contains("Seed:"))
        #expect(text.contains("12"))
        #expect(text.contains("bank.yaml"))
        #expect(text.contains("Question 2"))
        #expect(text.contains("(Choose TWO.)"))
        #expect(text.contains("(c) Gamma w1"))
        #expect(text.contains("Answer: ______"))
        #expect(!text.contains("Because w1"))
        let key = sheet.render(.markdown, answerKey: true)
        #expect(key.contains("a) One; c) Three"))
        #expect(key.contains("Because w1."))
        for line in key.split(separator: "\n") { #expect(line.count <= 80) }
    }
}
