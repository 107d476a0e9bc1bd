import Foundation
import SRMQuizKit
import SRMQuizTerminal
import SRMQuizTestSupport
import Testing

/// The exam's clock on a scripted terminal: the prompt's time, the notices, and the submit at 0:00
/// with no key pressed.
@Suite struct ExamClockTests {
    let items = [ExamFixture.single("q1"), ExamFixture.single("q2"), ExamFixture.single("q3")]

    func exam(
        seconds: TimeInterval, steps: [ScriptedTerminal.Step] = [],
        warnAt: [Int] = ExamRunner.defaultWarnings,
        columns: Int = 80
    ) -> (ExamResult, ScriptedTerminal) {
        let terminal = ScriptedTerminal(steps, columns: columns)
        terminal.endsInput = false  // an open, silent input: only the clock moves
        let runner = ExamRunner(
            items: items, configuration: ExamConfiguration(count: 3, timeLimit: seconds, seed: 1),
            bankFiles: [], terminal: terminal, clock: terminal.clock, warnAt: warnAt)
        return (runner.run(), terminal)
    }

    @Test func submitsItselfAtZeroWithNoKeyPressed() {
        let (result, terminal) = exam(seconds: 6)
        #expect(result.timedOut)
        #expect(result.finishedAt.timeIntervalSince(result.startedAt) == 6)
        #expect(result.questions.allSatisfy { $0.answer == nil })
        #expect(terminal.transcript.contains("Time is up: the exam was submitted automatically."))
        #expect(terminal.transcript.contains("Score: 0 of 3"))
        // The prompt counted down every second: 0:06, 0:05, … 0:01.
        #expect(terminal.prompts == (1...6).reversed().map { "[0:0\($0)] [1/3] > " })
    }

    @Test func theClockMovesEveryTenSecondsThenEverySecondInTheLastMinute() {
        let (_, terminal) = exam(seconds: 125, warnAt: [])
        let clocks = terminal.prompts.map { String($0.prefix { $0 != "]" }.dropFirst()) }
        #expect(Array(clocks.prefix(8)) == ["2:05", "2:00", "1:50", "1:40", "1:30", "1:20", "1:10", "1:00"])
        #expect(Array(clocks.suffix(3)) == ["0:03", "0:02", "0:01"])
        #expect(clocks.count == 7 + 60)
    }

    @Test func noticesComeAtTheWarningTimesOnce() {
        let (_, terminal) = exam(seconds: 11 * 60, warnAt: [600, 300, 60, 30])
        let text = terminal.transcript
        for notice in ["10 minutes left.", "5 minutes left.", "1 minute left.", "30 seconds left."] {
            #expect(text.components(separatedBy: "Notice: " + notice).count == 2, "\(notice)")
        }
        let order = ["10 minutes", "5 minutes", "1 minute left", "30 seconds"].compactMap {
            text.range(of: "Notice: " + $0)?.lowerBound
        }
        #expect(order == order.sorted() && order.count == 4)
    }

    @Test func answersBeforeTheEndCountAndAHalfTypedLineDoesNot() {
        let terminal = ScriptedTerminal([.init(at: 2, .line("a")), .init(at: 3, .line("b"))])
        terminal.endsInput = false
        let runner = ExamRunner(
            items: items, configuration: ExamConfiguration(count: 3, timeLimit: 10, seed: 1), bankFiles: [],
            terminal: terminal, clock: terminal.clock)
        terminal.typing("c")
        let result = runner.run()
        #expect(result.questions.map(\.answer) == [["a"], ["b"], nil])
        #expect(result.timedOut)
        #expect(terminal.transcript.contains("The half-typed \"c\" came too late and was not counted."))
    }

    @Test func aResizeRewrapsTheNextQuestion() {
        let long = Item(
            id: "long", kind: .multipleChoice,
            prompt: "When using Amazon Simple Storage Service with default settings, who is responsible for "
                + "classifying the data that is stored in the buckets and for choosing who can read it?",
            choices: ["AWS", "The customer", "Both"], answers: ["The customer"], explanation: "", tags: [],
            sources: [], facts: ["f"])
        let terminal = ScriptedTerminal([.init(at: 1, .resize(columns: 40)), .init(at: 2, .line("b"))])
        terminal.endsInput = false
        let runner = ExamRunner(
            items: [long, long], configuration: ExamConfiguration(count: 2, timeLimit: 5, seed: 1),
            bankFiles: [],
            terminal: terminal, clock: terminal.clock)
        _ = runner.run()
        let parts = terminal.transcript.components(separatedBy: "Question 2 of 2")
        #expect(parts.count == 2)
        let before = parts[0].split(separator: "\n").map { DisplayWidth.of($0) }
        let after = parts[1].components(separatedBy: "Time is up")[0].split(separator: "\n").map {
            DisplayWidth.of($0)
        }
        #expect(before.max()! > 40 && before.max()! <= 80)
        #expect(after.max()! <= 40)
    }
}
