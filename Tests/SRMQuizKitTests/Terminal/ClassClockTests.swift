import Foundation
import SRMQuizKit
import SRMQuizTerminal
import SRMQuizTestSupport
import Testing

/// The single-terminal class with a timer: the countdown in the prompt, the close at zero with
/// nobody typing, and a half-typed answer refused as too late.
@Suite struct ClassClockTests {
    let items = [ExamFixture.single("q1", correct: 0), ExamFixture.single("q2", correct: 1)]

    func run(_ steps: [ScriptedTerminal.Step], mode: ClassResult.Mode = .turns, typing: String? = nil)
        -> (ClassResult, ScriptedTerminal)
    {
        let terminal = ScriptedTerminal(steps)
        terminal.endsInput = false
        if let typing { terminal.typing(typing) }
        let runner = ClassRunner(
            items: items, players: ["Ann", "Bo"], mode: mode, timerSeconds: 3, speedBonus: true, seed: 1,
            bankFiles: [], terminal: terminal, clock: terminal.clock)
        return (runner.run(), terminal)
    }

    @Test func questionsCloseByThemselvesAtZero() {
        let (result, terminal) = run([])
        #expect(result.questions.count == 2)
        #expect(
            result.questions.allSatisfy { $0.responses.allSatisfy { $0.answer == nil && $0.points == 0 } })
        #expect(terminal.transcript.components(separatedBy: "Time is up: the question is closed.").count == 3)
        #expect(result.finishedAt.timeIntervalSince(result.startedAt) == 6)
        #expect(terminal.prompts.prefix(3) == ["[0:03] Ann > ", "[0:02] Ann > ", "[0:01] Ann > "])
    }

    @Test func aHalfTypedAnswerAtZeroIsTooLate() {
        let (result, terminal) = run([.init(at: 4, .line("b"))], typing: "a")
        #expect(terminal.transcript.contains("Too late: \"a\" came after 0:00 and was not counted."))
        #expect(result.questions[0].responses[0].answer == nil)
        // The line at 4 s answers question 2 (Bo's), 1 s after it opened: the speed bonus applies.
        #expect(result.questions[1].responses[0].player == "Bo")
        #expect(result.questions[1].responses[0].answer == ["b"])
        #expect(result.questions[1].responses[0].points == 833)
    }

    @Test func togetherModeHasNoSpeedBonus() {
        let (result, terminal) = run(
            [.init(at: 1, .line("a a")), .init(at: 3, .line("b b"))], mode: .together)
        #expect(result.totals == [2000, 2000])
        #expect(!result.speedBonus)
        #expect(
            terminal.transcript.replacingOccurrences(of: "\n", with: " ").contains(
                "No speed bonus in together mode"))
    }
}
