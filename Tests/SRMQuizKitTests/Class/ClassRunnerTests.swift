import Foundation
import SRMQuizKit
import SRMQuizTerminal
import SRMQuizTestSupport
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
        let terminal = ScriptedTerminal(lines: lines, every: step, clock: clock)
        let runner = ClassRunner(
            items: items, players: players, mode: mode, timerSeconds: timer, speedBonus: true, seed: 9,
            bankFiles: ["b.yaml"], terminal: terminal, clock: clock)
        return (runner.run(), terminal.transcript)
    }

    @Test func togetherScoresEveryoneWithoutASpeedBonus() {
        // One line for everyone times the instructor's typing, not the players: 1000 per right
        // answer. Ann: right ×3 = 3000; Bo: wrong, right, right = 2000; Cy: none, right, wrong = 1000.
        let (result, text) = run(["a b -", "b b b", "ac a,c bd"])
        #expect(result.totals == [3000, 2000, 1000])
        #expect(!result.speedBonus)
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("No speed bonus in together mode"))
        #expect(result.correctCounts == [3, 2, 1])
        #expect(result.questions[0].responses.map(\.answer) == [["a"], ["b"], nil])
        #expect(text.contains("Correct answer: a) Alpha q1"))
        #expect(text.contains("Because q1."))
        #expect(text.contains("Scoreboard:"))
        #expect(text.contains("1st  Ann  3000 points (3 right)"))
        #expect(text.contains("2nd  Bo  2000 points (2 right)"))
        #expect(text.contains("3rd  Cy  1000 points (1 right)"))
        #expect(text.contains("  3       a,c     Ann, Bo\n"))
    }

    @Test func commandsComeFromTheSharedVocabulary() {
        let (result, text) = run([":hint", ":help", ":q"], timer: 30)
        #expect(text.contains(":hint is not available in a class quiz. Commands here: :help :quit"))
        #expect(text.contains("  :quit      stop the class early and show the scores"))
        #expect(result.questions.isEmpty)
    }

    @Test func aWrongCountGetsAReminderAndTheLineAgain() {
        let (result, text) = run(["a b", "a b c d", "a b x", "a a a", ":quit"], timer: 30)
        #expect(text.contains("Expected 3 answers, one per player in this order: Ann, Bo, Cy; got 2."))
        #expect(text.contains("got 4"))
        #expect(text.contains("Cy: \"x\" is not a letter"))
        #expect(result.questions.count == 1)
        // The accepted line came after four reads of 5 s, within the 30 s; together mode has no
        // speed bonus (it would time the instructor's typing): 1000 points each.
        #expect(result.totals == [1000, 1000, 1000])
    }

    @Test func answersAfterTheTimerCountAsUnanswered() {
        // The line would come at 25 s; the 20 s timer closes the question by itself first.
        let (result, text) = run(["a a a"], step: 25)
        #expect(result.questions[0].responses.allSatisfy { $0.answer == nil && $0.points == 0 })
        #expect(text.contains("Time is up: the question is closed."))
    }

    @Test func turnsGiveEachPlayerTheirOwnQuestion() {
        let (result, _) = run(["a", "-", "a c"], players: ["Ann", "Bo"], mode: .turns, timer: nil)
        #expect(result.questions.map { $0.responses.map(\.player) } == [["Ann"], ["Bo"], ["Ann"]])
        #expect(result.totals == [2000, 0])
    }
}
