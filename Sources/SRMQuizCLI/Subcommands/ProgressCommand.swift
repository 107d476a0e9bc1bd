import ArgumentParser

/// `srmquiz progress`: commands about a learner's progress.
public struct ProgressCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Inspect and replay learning progress.",
        subcommands: [ProgressReplayCommand.self]
    )

    public init() {}
}
