import Foundation
import SRMQuizKit
import SRMQuizTerminal
import SRMQuizTestSupport
import Testing

@Suite struct ExamRunnerTests {
    let items = [
        ExamFixture.single("q1", correct: 0), ExamFixture.single("q2", correct: 1, owner: "aws"),
        ExamFixture.multi("q3"),
    ]

    func run(_ lines: [String], minutes: Int = 10, step: TimeInterval = 5) -> (ExamResult, String) {
        let clock = ManualClock()
        let terminal = ScriptedTerminal(lines: lines, every: step, clock: clock)
        let runner = ExamRunner(
            items: items, configuration: ExamConfiguration(count: 3, minutes: minutes, seed: 42),
            bankFiles: ["bank.yaml"], terminal: terminal, clock: clock)
        return (runner.run(), terminal.transcript)
    }

    @Test func allRightPassesWithTimesAndNoFeedbackBeforeTheEnd() throws {
        let (result, text) = run(["a", "b", "a c", ":submit"])
        #expect(result.correctCount == 3)
        #expect(result.passed)
        #expect(!result.timedOut)
        #expect(result.questions.map(\.answer) == [["a"], ["b"], ["a", "c"]])
        // Each answer line came 5 s after its question was shown.
        #expect(result.questions.map(\.timeMs) == [5000, 5000, 5000])
        #expect(result.seed == 42 && result.bankFiles == ["bank.yaml"])
        let end = try #require(text.range(of: "Score:"))
        #expect(!text[..<end.lowerBound].contains("Right answer"))
        #expect(text.contains("[10:00] [1/3] > a"))
        #expect(text.contains("(Choose TWO.)"))
    }

    @Test func answersCanBeChangedByGoingBack() {
        let (result, _) = run(["b", "b", "a c", ":goto 1", "a", ":submit"])
        #expect(result.questions[0].answer == ["a"])
        #expect(result.correctCount == 3)
        // Question 1 was visited twice: 5 s, then 5 s more before the new answer.
        #expect(result.questions[0].timeMs == 10000)
    }

    @Test func multipleResponseNeedsTheRightNumberOfLetters() {
        let (result, text) = run(["a", "b", "a", "a b c", "a c", ":submit"])
        #expect(text.contains("Choose 2 options"))
        #expect(result.questions[2].answer == ["a", "c"])
    }

    @Test func submitWithUnansweredQuestionsAsksFirst() {
        let (result, text) = run(["a", ":submit", "n", ":flag", ":review", ":submit", "y"])
        #expect(text.contains("2 questions are unanswered. Submit anyway?") || text.contains("Not submitted"))
        #expect(text.contains("Flagged: 2"))
        #expect(text.contains("Unanswered: 2, 3"))
        #expect(result.questions.map(\.answer) == [["a"], nil, nil])
        #expect(result.questions[1].flagged)
        #expect(result.correctCount == 1)
        #expect(!result.passed)
        #expect(text.contains("FAIL"))
        #expect(text.contains("Your answer: no answer"))
        #expect(text.contains("Because q2."))
    }

    @Test func timeRunsOutAndTheLateAnswerIsNotCounted() {
        // One minute; each line arrives 25 s after the last: 25 s, 50 s, then 75 s — but the exam
        // submits itself at 60 s, so the third never counts.
        let (result, text) = run(["a", "b", "a c"], minutes: 1, step: 25)
        #expect(result.timedOut)
        #expect(result.questions.map(\.answer) == [["a"], ["b"], nil])
        #expect(result.correctCount == 2)
        #expect(text.contains("Time is up: the exam was submitted automatically."))
        #expect(result.finishedAt.timeIntervalSince(result.startedAt) == 60)
        // Time on question 3 stops at the deadline: 60 − 50 = 10 s.
        #expect(result.questions[2].timeMs == 10000)
        #expect(text.contains("[0:11] [2/3] > b"))  // the clock as last redrawn, at 49 s
    }

    @Test func answersByNumberOrWordsAsInStudySessions() {
        let (result, _) = run(["2", "2", "1 3", ":submit"])
        #expect(result.questions[0].answer == ["b"])
        #expect(result.questions[2].answer == ["a", "c"])
    }

    @Test func endOfInputSubmits() {
        let (result, text) = run(["a"])
        #expect(text.contains("End of input"))
        #expect(result.questions.compactMap(\.answer).count == 1)
    }

    @Test func unknownCommandsAndBadLettersAreExplained() {
        let (_, text) = run([":frob", "z", ":goto 9", ":help"])
        #expect(text.contains("Unknown command :frob"))
        #expect(text.contains("Answer with a letter or number (a–c or 1–3)"))
        #expect(text.contains("Usage: :goto N, with N from 1 to 3"))
        #expect(text.contains(":review"))
    }

    /// One vocabulary: a study command in an exam says where it is not available.
    @Test func studyCommandsSayTheyAreNotAvailableInAnExam() {
        let (_, text) = run([":skip", ":quit", ":s", "y"])
        #expect(text.contains(":skip is not available in an exam. Commands here: :help :flag"))
        #expect(text.contains(":quit is not available in an exam."))
        #expect(text.contains("Submit anyway?"), ":s is :submit among the exam's commands")
    }

    @Test func breakdownsGroupByOwnerCategoryAndKind() {
        let (result, text) = run(["a", "a", "a c", ":submit"])
        let owners = ScoreBreakdown.make(
            dimension: "owner", answers: result.questions.map { (tags: $0.tags, correct: $0.correct) })
        #expect(
            owners.rows == [
                .init(label: "aws", correct: 1, total: 2), .init(label: "customer", correct: 1, total: 1),
            ])
        #expect(text.contains("By category:"))
        #expect(text.contains("By kind:"))
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let (result, _) = run(["a", "b", "a c", ":submit"])
        let data = try ExamResult.encoder().encode(result)
        let back = try ExamResult.decoder().decode(ExamResult.self, from: data)
        #expect(back == result)
        #expect(String(decoding: data, as: UTF8.self).contains("\"format\" : \"srmquiz-exam-result\""))
    }
}
