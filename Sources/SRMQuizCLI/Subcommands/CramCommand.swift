import ArgumentParser
import SRMQuizKit

/// `srmquiz cram`: chosen topics, hardest first, without touching the schedule.
struct CramCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cram",
        abstract:
            "Cram chosen topics, hardest first (lowest recall, most lapses, then unseen); never recorded.",
        discussion: "Missed questions come back at the end until you get them right."
    )

    @Option(help: ArgumentHelp("Only this service id (repeatable).", valueName: "id"))
    var service: [String] = []

    @Option(help: ArgumentHelp("Only this topic, e.g. patching (repeatable).", valueName: "topic"))
    var topic: [String] = []

    @Option(help: ArgumentHelp("Only this tag, e.g. category:abstracted (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Only this kind, e.g. owner (repeatable).", valueName: "kind"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("At most this many questions (default: all that match).", valueName: "n"))
    var count: Int?

    @OptionGroup var bankOptions: BankOptions
    @OptionGroup var learnerOptions: LearnerOptions
    @OptionGroup var display: DisplayOptions

    init() {}

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be 1 or more") }
        for name in SessionRunner.split(kind) where ItemKind(rawValue: name) == nil {
            throw ValidationError(
                "--kind: unknown kind '\(name)'; expected one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    @MainActor
    mutating func run() async throws {
        let filter = ItemFilter(
            services: SessionRunner.split(service), kinds: SessionRunner.split(kind),
            topics: SessionRunner.split(topic), tags: SessionRunner.split(tag))
        let configuration = SessionConfiguration(mode: .cram, count: count, filter: filter, record: false)
        try SessionRunner.run(
            configuration: configuration, generatorSeed: 0, bank: bankOptions, learner: learnerOptions,
            display: display)
    }
}
