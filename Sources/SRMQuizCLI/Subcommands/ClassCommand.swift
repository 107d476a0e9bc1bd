import ArgumentParser

/// `srmquiz class`: an instructor runs a quiz for a room. Without a subcommand, the quiz runs on
/// this one terminal (`class local`).
struct ClassCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Run a quiz for a room, with a scoreboard and a podium.",
        subcommands: [ClassLocalCommand.self, ClassHostCommand.self, ClassJoinCommand.self],
        defaultSubcommand: ClassLocalCommand.self
    )
}
