import Foundation
import SRMQuizKit
import Testing

/// The learner report: name, whole question texts, service names, due forecast, leeches, exam
/// trend, and no empty header lines.
@Suite struct LearnerReportTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15 15:06 UTC
    static let long =
        "When using Amazon SES, which TWO of these are the customer's responsibility when the "
        + "account sends mail on behalf of several business units with their own domains? (Choose TWO.)"

    static func report() -> LearnerReport {
        var leech = ExamFixture.single("leechy", facts: ["ses-content"])
        leech.tags.append("service:ses")
        var wordy = ExamFixture.single("wordy")
        wordy.prompt = long
        wordy.tags.append("service:lambda-zip")
        var log: [ReviewLogEntry] = []
        for n in 0..<5 {
            log.append(
                ReviewLogEntry(
                    itemID: "leechy", time: now.addingTimeInterval(Double(n - 10) * 86400), rating: .again,
                    correct: false))
        }
        log.append(
            ReviewLogEntry(
                itemID: "wordy", time: now.addingTimeInterval(-86400), rating: .again, correct: false))
        let cards = [
            "leechy": Card(due: now.addingTimeInterval(86400), lapses: 4),
            "wordy": Card(due: now.addingTimeInterval(3 * 86400)),
            "later": Card(due: now.addingTimeInterval(30 * 86400)),
        ]
        return LearnerReport.make(
            file: "/home/ann/.local/share/srmquiz/ann.json", log: log, cards: cards,
            items: ["leechy": leech, "wordy": wordy], now: now, learner: "Ann",
            names: DisplayNames(
                services: ["lambda-zip": "AWS Lambda (managed runtime, .zip)", "ses": "Amazon SES"],
                facts: ["ses-content": "the content of outgoing email"]))
    }

    @Test func showsTheNameWholeQuestionsAndServiceNames() throws {
        let text = try ReportRenderer.render(
            parts: [.learner(Self.report())], format: .text, generatedAt: Self.now)
        #expect(text.contains("Learner:  Ann"))
        #expect(!text.contains("/home/ann"), "no local path")
        #expect(!text.contains("Seed:") && !text.contains("Bank:"), "nothing to say about seeds or banks")
        #expect(text.contains("AWS Lambda (managed runtime, .zip)"))
        #expect(!text.contains("lambda-zip"))
        let joined = text.split(separator: "\n").joined(separator: " ")
        #expect(joined.contains(Self.long), "the whole question, wrapped")
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func forecastsTheNextFourteenDaysAndListsLeeches() {
        let report = Self.report()
        #expect(report.dueForecast.count == 14)
        #expect(report.dueForecast.first?.day == "2025-06-15")
        #expect(report.dueForecast.map(\.cards) == [0, 1, 0, 1] + Array(repeating: 0, count: 10))
        #expect(report.leeches.map(\.id) == ["leechy"])
        #expect(report.leeches.first?.failures == 5)
        #expect(report.leeches.first?.facts == ["the content of outgoing email"])
    }

    /// Weeks and breakdowns of a log out of time order, across an ISO year boundary, with
    /// self-rated answers and an item the bank lacks: the same as counting answer by answer.
    @Test func countsWeeksAndBreakdownsAsEachAnswerWould() {
        var a = ExamFixture.single("a")
        a.tags += ["service:ses", "service:s3"]
        let b = ExamFixture.single("b")
        let start = Date(timeIntervalSince1970: 1_735_300_000)  // 2024-12-27, ISO week 2024-W52
        var log: [ReviewLogEntry] = []
        for n in 0..<60 {
            let time = start.addingTimeInterval(Double((n * 37) % 60) * 3 * 3600 - 86399)
            let id = ["a", "b", "gone"][n % 3]
            let correct: Bool? = n % 7 == 0 ? nil : n % 2 == 0
            log.append(ReviewLogEntry(itemID: id, time: time, rating: .good, correct: correct))
        }
        let items = ["a": a, "b": b]
        let report = LearnerReport.make(
            file: "x.json", log: log, cards: [:], items: items, now: Self.now)

        var expected: [String: LearnerReport.Week] = [:]
        for entry in log {
            let key = LearnerReport.isoWeek(entry.time)
            var week = expected[key] ?? .init(week: key, reviews: 0, graded: 0, correct: 0)
            week.reviews += 1
            if let c = entry.correct {
                week.graded += 1
                if c { week.correct += 1 }
            }
            expected[key] = week
        }
        #expect(report.weeks == expected.values.sorted { $0.week < $1.week })
        #expect(report.weeks.map(\.week) == ["2024-W52", "2025-W01"], "2024-12-30 is in 2025-W01")

        let answers = log.compactMap { entry in
            entry.correct.map { (tags: items[entry.itemID].map(ScoreBreakdown.tags(of:)) ?? [], correct: $0) }
        }
        for (n, dimension) in LearnerReport.dimensions.enumerated() {
            #expect(report.breakdowns[n] == ScoreBreakdown.make(dimension: dimension, answers: answers))
        }
        #expect(report.graded == answers.count)
        #expect(report.correct == answers.filter(\.correct).count)
        #expect(report.selfRated == log.count - answers.count)
    }

    @Test func severalExamsShowATrend() throws {
        func exam(_ day: Double, right: Int) -> LearnerReport {
            let items = (0..<4).map { ExamFixture.single("e\($0)") }
            var session = ExamSession(
                items: items, configuration: ExamConfiguration(count: 4, minutes: 5, seed: 5),
                startedAt: Self.now.addingTimeInterval(day * 86400))
            for index in 0..<4 {
                session.show(index, at: Self.now)
                session.answer(ChoiceAnswer(letters: [index < right ? "a" : "b"]), at: Self.now)
            }
            let result = session.result(
                finishedAt: Self.now.addingTimeInterval(day * 86400 + 60), timedOut: false, bankFiles: [])
            return LearnerReport.make(file: "exam-\(day).json", exam: result)
        }
        let text = try ReportRenderer.render(
            parts: [.learner(exam(3, right: 4)), .learner(exam(0, right: 1))], format: .text,
            generatedAt: Self.now)
        let trend = try #require(text.range(of: "Exam trend")).upperBound
        let lines = text[trend...].split(separator: "\n").filter { $0.contains("UTC") }
        #expect(lines.count == 2)
        #expect(lines.first?.contains("2025-06-15") == true && lines.first?.contains(" 25% 1/4") == true)
        #expect(lines.last?.contains("2025-06-18") == true && lines.last?.contains("100% 4/4") == true)
    }
}
