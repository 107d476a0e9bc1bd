import ArgumentParser
import SRMQuizKit

/// `srmquiz progress path`: print the progress file's path.
struct ProgressPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Print the path of the learner's progress file (which may not exist yet).")

    @OptionGroup var learner: LearnerOptions

    @OptionGroup var display: DisplayOptions

    func run() throws {
        CLIOutput.print(try learner.location().file.path)
    }
}
