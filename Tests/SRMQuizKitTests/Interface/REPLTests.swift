import Foundation
import SRMQuizKit
import SRMQuizTerminal
import SRMQuizTestSupport
import Testing

@Suite struct REPLTests {
    struct Run {
        var output: String
        var store: InMemoryReviewStore
        var terminal: ScriptedTerminal
        var stats: SessionStats? = nil
        /// The error the session ended with.
        var error: SessionError? = nil
    }

    /// Runs a study session over `items` with `lines` typed, each answer taking 8 s.
    func run(
        _ items: [Item], _ lines: [String], style: TerminalStyle = .plain,
        configuration: SessionConfiguration = SessionConfiguration(calendar: SessionFixture.utc),
        store: InMemoryReviewStore = InMemoryReviewStore()
    ) -> Run {
        let clock = ManualClock()
        let engine = SessionEngine(
            items: items, store: store, scheduler: StubScheduler(), configuration: configuration, clock: clock
        )
        let terminal = ScriptedTerminal(lines: lines, every: 8, clock: clock)
        var run = Run(output: "", store: store, terminal: terminal)
        do {
            run.stats = try REPL(engine: engine, terminal: terminal, clock: clock, style: style).run()
        } catch {
            run.error = error
        }
        run.output = terminal.transcript
        return run
    }

    let two = [SessionFixture.owner("a"), SessionFixture.owner("b", answer: "AWS", service: "s3")]

    @Test(arguments: ["b", "2", "customer", "the customer", "CUST"])
    func answersInAnyFormAreRight(answer: String) {
        let result = run([SessionFixture.owner("a")], [answer])
        #expect(result.output.contains("✓ Right — b) Customer"))
        #expect(result.store.log.map(\.correct) == [true])
        #expect(result.store.log.first?.rating == .good)
    }

    @Test func multipleResponseForms() {
        for answer in ["a,c", "a c", "ac"] {
            let result = run([SessionFixture.multi], [answer])
            #expect(result.output.contains("✓ Right"), "\(answer)")
        }
        let wrong = run([SessionFixture.multi], ["a,b", ":quit"])
        #expect(
            wrong.output.contains(
                "✗ Wrong — the answers are a) Patching the guest OS, c) Security group rules"))
    }

    @Test func unknownInputGetsAReminderAndIsNotAWrongAnswer() {
        let result = run([SessionFixture.owner("a")], ["banana", "b"])
        #expect(result.output.contains("Answer with a letter or number (a–c or 1–3)"))
        #expect(result.store.log.count == 1)
        #expect(result.store.log.first?.correct == true)
    }

    @Test func feedbackShowsAnswerExplanationNuanceAndSource() {
        let result = run([SessionFixture.trueFalse], ["t"])
        #expect(result.output.contains("✗ Wrong — the answer is b) False"))
        #expect(result.output.contains("The customer does."))
        #expect(result.output.contains("Nuance: Unless you use SSM Patch Manager"))
        #expect(result.output.contains("Source: https://example.com/tf"))
    }

    @Test func helpListsEveryCommand() {
        let output = run([SessionFixture.owner("a")], [":help"]).output
        for command in SessionCommand.commands(in: .study) { #expect(output.contains(command.spelling)) }
        #expect(!output.contains(":submit"), "exam commands are not listed in study")
    }

    @Test func skipMovesOnWithoutRecording() {
        let result = run(two, [":skip", "a"])
        #expect(result.output.contains("Skipped."))
        #expect(result.store.log.map(\.itemID) == ["b"])
        #expect(result.output.contains("skipped 1"))
    }

    @Test func hintRulesOutAWrongOptionAndCapsTheRating() {
        let result = run([SessionFixture.owner("a")], [":hint", "b"])
        #expect(result.output.contains("Hint: it is not"))
        #expect(result.output.contains("— ruled out"))
        #expect(result.store.log.first?.rating == .hard)
        let tf = run([SessionFixture.trueFalse], [":hint", "f"])
        #expect(tf.output.contains("Hint: the service is in the infrastructure category."))
    }

    @Test func explainWorksAfterAnswering() {
        let result = run(two, [":explain", "b", ":explain", ":quit"])
        #expect(result.output.contains("Nothing answered yet: :explain shows"))
        #expect(result.output.contains("Last answer:\nWho is responsible for a?"))
        #expect(result.output.contains("Sources:\n  https://example.com/a"))
        #expect(result.output.contains("Facts: fact-a"))
    }

    @Test func undoTakesBackTheAnswerAndAsksAgain() {
        let store = InMemoryReviewStore()
        let result = run(two, ["c", ":undo", "b", ":quit"], store: store)
        #expect(result.output.contains("Took back your last answer"))
        #expect(store.log.map(\.itemID) == ["a"])
        #expect(store.log.map(\.correct) == [true])
        #expect(store.cards["a"]?.phase == .review)
        #expect(store.cards["a"]?.lapses == 0)
        #expect(result.output.components(separatedBy: "Who is responsible for a?").count == 3)
        #expect(run(two, [":undo", ":quit"]).output.contains("Nothing to undo."))
    }

    @Test func statsShowsTheSessionSoFar() {
        let output = run(two, ["b", ":stats", ":quit"]).output
        #expect(output.contains("Answered 1, accuracy 100% (1 of 1 graded answer); 0 left"))
    }

    @Test func flashcardRevealThenRate() {
        let result = run([SessionFixture.flashcard], ["", "4"])
        #expect(result.output.contains("AWS patches the DB instance OS."))
        #expect(result.output.contains("Rate: 1 Again"))
        #expect(result.store.log.first?.rating == .easy)
        // A self-rated flashcard has no right or wrong: it stays out of accuracy.
        #expect(result.output.contains("Accuracy no graded answers yet; 1 self-rated flashcard not counted"))
    }

    @Test func summaryHasAccuracyByOwnerServiceKindMissedAndNextDue() {
        let result = run(two, ["b", "b", "a"])
        let output = result.output
        #expect(output.contains("Session summary"))
        #expect(output.contains("Answered 3, time"))
        #expect(output.contains("Accuracy 67% (2 of 3 graded answers)\n"))
        #expect(output.contains("By owner: AWS 1/2 (50%) · Customer 1/1 (100%)"))
        #expect(output.contains("By service: ec2 1/1 (100%) · s3 1/2 (50%)"))
        #expect(output.contains("By kind: owner 2/3 (67%)"))
        #expect(output.contains("Missed (1):\n    - Who is responsible for b? → a) AWS [fact-b]"))
        #expect(output.contains("Next review: in 3 days"))
        #expect(output.contains("time 24 s"))
    }

    @Test func endOfInputSavesAndSummarises() {
        let result = run(two, ["b"])
        #expect(result.terminal.remainingLines.isEmpty)
        #expect(result.output.contains("Session summary"))
        #expect(result.store.log.count == 1)
    }

    @Test func welcomeSaysWhatIsDue() {
        let output = run(two, []).output
        #expect(output.hasPrefix("srmquiz study: 0 due now, 2 new today."))
    }

    @Test func completionsFollowTheQuestion() {
        let result = run([SessionFixture.ofOrIn, SessionFixture.flashcard], ["of", "", "3"])
        let history = result.terminal.completionHistory
        #expect(history.count == 3)
        #expect(history[0].contains("aws") && history[0].contains(":help"))
        #expect(!history[1].contains("1"))
        #expect(history[2].contains("1") && history[2].contains("easy"))
    }

    @Test func plainStyleWritesNoEscapeCodesAndColourDoes() {
        let plain = run(two, ["b", "c"]).output
        #expect(!plain.contains("\u{1B}"))
        let coloured = run(two, ["b", "c"], style: TerminalStyle(colored: true)).output
        #expect(coloured.contains("\u{1B}[32m"))
    }

    @Test(
        arguments: [
            (true, [:], false, true), (false, [:], false, false), (true, ["NO_COLOR": ""], false, false),
            (true, ["NO_COLOR": "1"], false, false), (true, [:], true, false),
        ] as [(Bool, [String: String], Bool, Bool)])
    func colourOnlyOnATerminalWithoutNoColor(tty: Bool, env: [String: String], flag: Bool, colored: Bool) {
        #expect(TerminalStyle.detect(isTerminal: tty, environment: env, noColorFlag: flag).colored == colored)
    }

    @Test func maliciousBankTextIsSanitised() {
        let evil = Item(
            id: "evil", kind: .owner, prompt: "Who \u{1B}]0;pwned\u{07}owns \u{1B}[2Jthis?",
            choices: ["AWS\u{1B}[31m", "Customer", "Shared"], answers: ["Customer"],
            explanation: "Because\u{1B}[5m blink", nuance: "nu\u{9B}2Jance",
            tags: ["service:ec2\u{1B}[1m", "owner:customer"], sources: ["https://x\u{1B}]8;;evil\u{07}"],
            facts: ["f\u{1B}[0m"])
        let output = run([evil], [":hint", "a", ":explain"]).output
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("\u{9B}"))
        #expect(!output.contains("\u{07}"))
        #expect(output.contains("Who ^[]0;pwned^Gowns ^[[2Jthis?"))
    }

    @Test func aSaveFailureStopsTheSessionWithAnError() {
        let store = InMemoryReviewStore()
        store.failNextRecord = true
        let result = run(two, ["b", "a"], store: store)
        #expect(result.stats == nil)
        // The error is thrown for the caller to report; the summary does not claim the progress is saved.
        #expect(result.error?.description.contains("could not save progress: disk full") == true)
        #expect(!result.output.contains("disk full"))
        #expect(!result.output.contains("Progress is saved") && result.output.contains("NOT saved"))
        #expect(store.log.isEmpty)
    }
}
