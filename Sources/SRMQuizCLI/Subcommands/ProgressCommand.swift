import ArgumentParser

/// `srmquiz progress`: look after a learner's progress file.
package struct ProgressCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show, rebuild, restore or locate a learner's progress file.",
        discussion: """
            Progress is kept per learner in a state file, by default \
            $XDG_DATA_HOME/srmquiz/<learner>.json (or ~/.local/share/srmquiz/), and an \
            append-only review log beside it, <learner>.reviews.jsonl. Every answer is on disk \
            before the next question; the previous state is kept as <file>.bak. \
            See docs/progress-format.md.
            """,
        subcommands: [
            ProgressShowCommand.self,
            ProgressRebuildCommand.self,
            ProgressRestoreCommand.self,
            ProgressPathCommand.self,
            ProgressReplayCommand.self,
        ]
    )

    package init() {}
}
