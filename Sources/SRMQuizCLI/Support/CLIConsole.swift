import Foundation
import SRMQuizKit

/// Where the commands write: results to ``output``, messages and errors to ``error`` (the pair
/// console-kit's `Console` holds).
///
/// Every command and runner writes through ``CLIConsole/current``; tests replace it with
/// `CLIConsole.$current.withValue(...)` and read what a person would have seen.
package struct CLIConsole: @unchecked Sendable {
    /// Results: what a command prints for the user or for a pipe.
    package let output: any TextSink
    /// Diagnostics: errors, warnings and notes.
    package let error: any TextSink
    /// Whether ``output`` is a terminal (documents written to a terminal are sanitised too).
    package let outputIsTerminal: Bool
    /// Whether ``error`` is a terminal (messages written to a terminal are wrapped at its width).
    package let errorIsTerminal: Bool

    package init(
        output: any TextSink, error: any TextSink, outputIsTerminal: Bool = false,
        errorIsTerminal: Bool = false
    ) {
        self.output = output
        self.error = error
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
    }

    /// Standard output and standard error.
    package static var standard: CLIConsole {
        CLIConsole(
            output: StandardOutput(), error: StandardOutput.standardError,
            outputIsTerminal: isatty(STDOUT_FILENO) != 0, errorIsTerminal: isatty(STDERR_FILENO) != 0)
    }

    /// The console commands write to now.
    @TaskLocal package static var current: CLIConsole = .standard
}
