import ArgumentParser

/// `srmquiz class`: an instructor runs a quiz for a room.
///
/// Without a subcommand, the quiz runs on this one terminal (`class local`).
struct ClassCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Run a quiz for a room, with a scoreboard and a podium.",
        discussion: "Without a subcommand, the quiz runs on this one terminal (class local)."
            + HelpText.examples([
                "srmquiz class --players \"Ann,Bo,Cy\" --count 10    A room on one terminal.",
                "srmquiz class host --count 10 --timer 20          Students join from browsers.",
                "srmquiz class join 192.168.1.20:8765 --name Ann   A student's terminal.",
            ]),
        subcommands: [ClassLocalCommand.self, ClassHostCommand.self, ClassJoinCommand.self],
        defaultSubcommand: ClassLocalCommand.self
    )
}
