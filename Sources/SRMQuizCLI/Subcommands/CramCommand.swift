import ArgumentParser
import SRMQuizKit

/// `srmquiz cram`: chosen topics, hardest first, without touching the schedule.
struct CramCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cram",
        abstract:
            "Cram chosen topics, hardest first (lowest recall, most lapses, then unseen); never recorded.",
        discussion: "Missed questions come back at the end until you get them right."
            + HelpText.examples([
                "srmquiz cram --topic patching               All on patching, hardest first.",
                "srmquiz cram --service iam --count 15       Fifteen IAM questions.",
                "srmquiz cram --owner shared --kind owner",
            ])
    )

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("At most this many questions (default: all that match).", valueName: "n"))
    var count: Int?

    @OptionGroup var session: SessionOptions

    init() {}

    func validate() throws {
        try OptionCheck.count(count)
    }

    @MainActor
    mutating func run() async throws {
        let configuration = SessionConfiguration(
            mode: .cram, count: count, filter: session.filterOptions.filter, record: false)
        try SessionRunner.run(
            configuration: configuration, generatorSeed: 0, options: session)
    }
}
