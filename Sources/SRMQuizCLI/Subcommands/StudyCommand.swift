import ArgumentParser
import SRMQuizKit

/// `srmquiz study` (the default): today's spaced-repetition session.
struct StudyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study with spaced repetition: the reviews due today, then new items (the default).",
        discussion: """
            Answer by letter (b), number (2) or the option's words (customer); several options as \
            a,c or ac; flashcards: Enter shows the back, then rate 1-4. Type :help for commands. \
            Every answer is saved at once; Ctrl-D (or :quit) ends with a summary. Filters (--service, --owner, --kind, --tag, --topic) limit the session to the items they match.
            """
                + HelpText.examples([
                    "srmquiz study                          Today's reviews, then new items.",
                    "srmquiz study --new 5 --limit 30       At most 5 new items and 30 answers.",
                    "srmquiz study --service s3 --owner customer",
                    "srmquiz study --learner ann --exam-date 2026-03-31",
                ])
    )

    @Option(
        name: .customLong("new"), parsing: .unconditional,
        help: ArgumentHelp("New items per day (default: your setting, 20).", valueName: "n"))
    var newPerDay: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this many answers.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Desired retention for FSRS, 0.70 to 0.99.", valueName: "r"))
    var retention: Double?

    @Option(
        help: ArgumentHelp("The scheduler: fsrs or sm2 (default: your setting, fsrs).", valueName: "name"))
    var scheduler: SchedulerKind?

    // SM-2 day rule (issue #15).
    @Option(
        help: ArgumentHelp(
            "SM-2: the hour (0-23) your study day starts at, as Anki's \"next day starts at\"; saved (default: your setting, 4).",
            valueName: "hour"))
    var dayStartsAt: Int?

    @Option(
        name: .customLong("exam-date"),
        help: ArgumentHelp(
            "The day of your exam (YYYY-MM-DD): due reviews you are most likely to have forgotten by then come first.",
            valueName: "date"))
    var examDate: String?

    @OptionGroup var session: SessionOptions

    init() {}

    func validate() throws {
        if let newPerDay, newPerDay < 0 { throw ValidationError("--new must be 0 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        try OptionCheck.retention(retention)
        try OptionCheck.examDate(examDate)
        try OptionCheck.dayStartsAt(dayStartsAt)
    }

    @MainActor
    mutating func run() async throws {
        let configuration = SessionConfiguration(
            mode: .study, newPerDay: newPerDay, limit: limit,
            seed: UInt64(UInt32(truncatingIfNeeded: Int(SystemClock().now().timeIntervalSince1970))),
            examDate: examDate.flatMap(Timestamp.day(from:)))
        try SessionRunner.run(
            configuration: configuration, generatorSeed: 0,
            overrides: .init(scheduler: scheduler, retention: retention, dayStartsAt: dayStartsAt),
            options: session)
    }
}
