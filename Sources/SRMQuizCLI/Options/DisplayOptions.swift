import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// `--no-color`, for the commands that talk to a learner.
package struct DisplayOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (NO_COLOR does the same).")
    package var noColor = false

    package init() {}

    /// The style for standard output under these options and `environment`.
    package func style(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        TerminalStyle.detect(
            isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment, noColorFlag: noColor)
    }
}
