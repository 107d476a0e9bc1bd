import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// `srmquiz exam`: a timed mock exam in the style of the AWS certification exams.
struct ExamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Sit a timed mock exam (no feedback until the end).",
        discussion: """
            Questions mix single-answer and multiple-response items. While the exam runs: type the \
            letter(s) of your answer, or :flag, :review, :goto N, :submit, :help. The time left runs \
            in the prompt, notices come at 10, 5 and 1 minute left (--warn-at), and at 0:00 the exam \
            submits itself without a key being pressed, shows your results and saves them. \
            `--count 65 --minutes 90` mirrors the full exam. Results are saved as JSON and, unless \
            --no-record, your answers feed your review schedule.
            """
    )

    @Option(help: "How many questions.")
    var count = 20

    @Option(help: "Minutes allowed, fractions too (default: 90 × count / 65, rounded up).")
    var minutes: Double?

    @Option(
        help: ArgumentHelp(
            "The time allowed as a duration: 90m, 1h30m, 45s (instead of --minutes).", valueName: "duration"))
    var time: String?

    @Option(
        name: .customLong("warn-at"),
        help: ArgumentHelp(
            "When to give notice of the time left, comma-separated (minutes, or 30s…).", valueName: "times"))
    var warnAt: String = "10,5,1"

    @Option(help: "The seed that chooses the questions (default: random, shown at the start).")
    var seed: UInt64?

    @Option(name: .customLong("pass-mark"), help: "The pass mark, as a percentage.")
    var passMark: Double = 70

    @Option(
        help: ArgumentHelp(
            "Where to save the results (default: $XDG_DATA_HOME/srmquiz/results/exam-<timestamp>.json).",
            valueName: "file"))
    var results: String?

    @Flag(name: .customLong("no-record"), help: "Do not feed the answers into your review schedule.")
    var noRecord = false

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var learnerOptions: LearnerOptions

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        if let minutes, !(minutes > 0 && minutes <= 24 * 60) {
            throw ValidationError("--minutes must be more than 0 and at most 1440")
        }
        if minutes != nil, time != nil { throw ValidationError("give --minutes or --time, not both") }
        if let time {
            guard let seconds = DurationText.seconds(time), seconds >= 1, seconds <= 86_400 else {
                throw ValidationError(
                    "--time: '\(time)' is not a duration from 1s to 24h (such as 90m, 1h30m, 45s)")
            }
        }
        _ = try warnings()
        guard (0...100).contains(passMark) else { throw ValidationError("--pass-mark must be from 0 to 100") }
    }

    /// The seconds left at which to give notice, from `--warn-at`.
    func warnings() throws -> [Int] {
        try warnAt.split(separator: ",").map { part in
            guard let seconds = DurationText.seconds(String(part)), seconds >= 1 else {
                throw ValidationError("--warn-at: '\(part)' is not a time (minutes such as 5, or 30s)")
            }
            return Int(seconds.rounded())
        }
    }

    @MainActor
    func run() async throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let seed = self.seed ?? ResultsOutput.randomSeed()
        let items = ExamSelector.select(
            from: QuestionGenerator(bank: bank).generate(seed: seed), count: count, seed: seed)
        guard !items.isEmpty else {
            throw CLIOutput.fail("the bank has no questions with choices for an exam")
        }
        if items.count < count {
            StandardOutput.standardError.write(
                "srmquiz: note: the bank has only \(items.count) questions for an exam; asking those\n")
        }
        let limit = time.flatMap(DurationText.seconds) ?? minutes.map { $0 * 60 }
        let configuration = ExamConfiguration(
            count: items.count, minutes: ExamConfiguration.defaultMinutes(count: count), timeLimit: limit,
            passMark: passMark, seed: seed)
        // Open (and lock) the progress file before the exam starts, so a locked or corrupt file
        // is reported before the learner answers anything.
        let store = noRecord ? nil : try ProgressCommandSupport.open(learnerOptions)
        defer { store?.close() }
        let terminal = TerminalInput.terminal()
        let runner = ExamRunner(
            items: items, configuration: configuration, bankFiles: bank.files, terminal: terminal,
            clock: SystemClock(), warnAt: try warnings(), names: DisplayNames(bank: bank))
        let result = runner.run()
        terminal.finish()
        let path = try ResultsOutput.save(result, to: results, prefix: "exam", at: result.startedAt)
        CLIOutput.print("\nResults saved to \(path)")
        if let store {
            do {
                let recorded = try ReviewRecorder(store: store).record(result)
                CLIOutput.print(
                    "\(recorded) answer\(recorded == 1 ? "" : "s") added to \(store.learner)'s review schedule"
                )
            } catch {
                throw CLIOutput.fail(
                    "could not record the answers in \(store.url.path): \(error); the results file is saved")
            }
        }
    }
}
