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
            --no-record, your answers feed your review schedule. Filters (--service, --owner, --kind, --tag, --topic) choose the questions it draws from.
            """
                + HelpText.examples([
                    "srmquiz exam --count 65 --minutes 90          The full-length mock exam.",
                    "srmquiz exam --count 10 --time 15m --seed 4   A short one, repeatable.",
                    "srmquiz exam --service ec2,s3 --no-record     Schedule untouched.",
                    "srmquiz exam --resume                         Take up an interrupted exam.",
                ])
    )

    @Option(parsing: .unconditional, help: "How many questions.")
    var count = 20

    @OptionGroup var filterOptions: FilterOptions

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

    @OptionGroup var results: ResultsOptions

    @Flag(
        help: """
            Take up an exam that was interrupted (killed, hung up, out of power): the newest one in \
            the results folder, or the one whose --results FILE is given; answers and time left are kept.
            """)
    var resume = false

    @Flag(name: .customLong("no-record"), help: "Do not feed the answers into your review schedule.")
    var noRecord = false

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var learnerOptions: LearnerOptions

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        try OptionCheck.count(count)
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
        let environment = ProcessInfo.processInfo.environment
        let clock = SystemClock()
        let items: [Item]
        let configuration: ExamConfiguration
        let resultsPath: String
        let journal: ExamJournal
        var snapshot: ExamSession.Snapshot?
        if resume {
            let found = try Self.journalToResume(results: results.file, environment: environment)
            let header: ExamJournal.Header
            do {
                (header, snapshot) = try ExamJournal.read(found)
                journal = try ExamJournal.reopen(at: found)
            } catch {
                throw CLIOutput.fail(error.description)
            }
            configuration = header.configuration
            items = ExamSelector.select(
                from: QuestionGenerator(bank: bank).generate(seed: header.seed), count: header.count,
                seed: header.seed)
            guard items.map(\.id) == header.itemIDs else {
                throw CLIOutput.fail(
                    "\(found): the banks no longer give this exam's questions (seed \(header.seed)); "
                        + "resume with the banks it was started with")
            }
            resultsPath = header.results
        } else {
            let seed = self.seed ?? ResultsOutput.randomSeed()
            items = try filterOptions.choiceQuestions(from: bank, count: count, seed: seed)
            let limit = time.flatMap(DurationText.seconds) ?? minutes.map { $0 * 60 }
            configuration = ExamConfiguration(
                count: items.count, minutes: ExamConfiguration.defaultMinutes(count: count), timeLimit: limit,
                passMark: passMark, seed: seed)
            resultsPath = try ResultsOutput.target(results.file, prefix: "exam", at: clock.now())
            do {
                journal = try ExamJournal.create(
                    at: ExamJournal.path(forResults: resultsPath),
                    header: .init(
                        configuration: configuration, startedAt: clock.now(), itemIDs: items.map(\.id),
                        results: resultsPath))
            } catch {
                throw CLIOutput.fail("cannot keep the exam's answers on disk: \(error)")
            }
        }
        // Open (and lock) the progress file before the exam starts, so a locked or corrupt file
        // is reported before the learner answers anything.
        let store = noRecord ? nil : try ProgressCommandSupport.open(learnerOptions)
        defer { store?.close() }
        let warnAt = try warnings()
        let terminal = TerminalInput.terminal()
        let runner =
            snapshot.map {
                ExamRunner(
                    items: items, configuration: configuration, resuming: $0, bankFiles: bank.files,
                    terminal: terminal, clock: clock, warnAt: warnAt, names: DisplayNames(bank: bank))
            }
            ?? ExamRunner(
                items: items, configuration: configuration, bankFiles: bank.files, terminal: terminal,
                clock: clock, warnAt: warnAt, names: DisplayNames(bank: bank))
        var journalError: String?
        runner.onChange = { state in
            guard journalError == nil else { return }
            do {
                try journal.append(state)
            } catch {
                journalError = "\(error)"
                terminal.write("Warning: cannot keep the answers on disk (\(error)); the exam goes on.\n")
            }
        }
        let result = runner.run()
        terminal.finish()
        let path = try ResultsOutput.save(result, to: resultsPath, prefix: "exam", at: result.startedAt)
        journal.remove()
        CLIOutput.print("\nResults saved to \(path)")
        if let store {
            do {
                let recorded = try ReviewRecorder(store: store).record(result)
                CLIOutput.print(
                    "\(TextFormat.count(recorded, "answer")) added to \(store.learner)'s review schedule")
            } catch {
                throw CLIOutput.fail(
                    "could not record the answers in \(store.url.path): \(error); the results file is saved")
            }
        }
    }

    /// The journal of the exam to resume: `<results>.journal`, or the newest in the results folder.
    static func journalToResume(results: String?, environment: [String: String]) throws -> String {
        if let results {
            let path = ExamJournal.path(forResults: results)
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIOutput.fail("\(path): no interrupted exam to resume for \(results)")
            }
            return path
        }
        let folder = try ResultsOutput.folder(environment: environment)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".journal") }.sorted()
        guard let newest = names.last else {
            throw CLIOutput.fail("no interrupted exam to resume in \(folder)")
        }
        return (folder as NSString).appendingPathComponent(newest)
    }
}
