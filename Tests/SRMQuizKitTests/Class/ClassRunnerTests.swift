import Foundation
import SRMQuizKit
import Testing

@Suite struct ClassRunnerTests {
    let items = [
        ExamFixture.single("q1", correct: 0), ExamFixture.single("q2", correct: 1), ExamFixture.multi("q3"),
    ]

    func run(
        _ lines: [String], players: [String] = ["Ann", "Bo", "Cy"], mode: ClassResult.Mode = .together,
        timer: Double? = 20, step: TimeInterval = 5
    ) -> (ClassResult, String) {
        let clock = ManualClock()
        let reader = ExamScriptReader(lines) { _ in clock.advance(step) }
        let sink = BufferSink()
        let runner = ClassRunner(
            items: items, players: players, mode: mode, timerSeconds: timer, speedBonus: true, seed: 9,
            bankFiles: ["b.yaml"], reader: reader, sink: sink, clock: clock)
        return (runner.run(), sink.text)
    }

    @Test func togetherScoresEveryoneWithTheSpeedBonus() {
        // Each line comes 5 s after the question: 1000 × (1 − (5/20)/2) = 875 per right answer.
        // Ann: right ×3 = 2625; Bo: wrong, right, right = 1750; Cy: none, right, wrong = 875.
        let (result, text) = run(["a b -", "b b b", "ac a,c bd"])
        #expect(result.totals == [2625, 1750, 875])
        #expect(result.correctCounts == [3, 2, 1])
        #expect(result.questions[0].responses.map(\.answer) == [["a"], ["b"], nil])
        #expect(text.contains("Correct answer: a) Alpha q1"))
        #expect(text.contains("Because q1."))
        #expect(text.contains("Scoreboard:"))
        #expect(text.contains("1st  Ann  2625 points (3 right)"))
        #expect(text.contains("2nd  Bo  1750 points (2 right)"))
        #expect(text.contains("3rd  Cy  875 points (1 right)"))
        #expect(text.contains("  3       a,c     Ann, Bo\n"))
    }

    @Test func aWrongCountGetsAReminderAndTheLineAgain() {
        let (result, text) = run(["a b", "a b c d", "a b x", "a a a", ":quit"])
        #expect(text.contains("Expected 3 answers, one per player in this order: Ann, Bo, Cy; got 2."))
        #expect(text.contains("got 4"))
        #expect(text.contains("Cy: \"x\" is not a letter"))
        #expect(result.questions.count == 1)
        // The accepted line came after four reads of 5 s: 20 s, the buzzer: 500 points each.
        #expect(result.totals == [500, 500, 500])
    }

    @Test func answersAfterTheTimerCountAsUnanswered() {
        let (result, text) = run(["a a a"], step: 25)
        #expect(result.questions[0].responses.allSatisfy { $0.answer == nil && $0.late && $0.points == 0 })
        #expect(text.contains("Too late"))
    }

    @Test func turnsGiveEachPlayerTheirOwnQuestion() {
        let (result, _) = run(["a", "-", "a c"], players: ["Ann", "Bo"], mode: .turns, timer: nil)
        #expect(result.questions.map { $0.responses.map(\.player) } == [["Ann"], ["Bo"], ["Ann"]])
        #expect(result.totals == [2000, 0])
    }
}
