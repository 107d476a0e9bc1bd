import Foundation
import SRMQuizKit

/// Where the commands write: results to ``output``, messages and errors to ``error`` (the pair
/// console-kit's `Console` holds). Every command and runner writes through
/// ``CLIConsole/current``; tests replace it with `CLIConsole.$current.withValue(...)` and read
/// what a person would have seen.
public struct CLIConsole: @unchecked Sendable {
    /// Results: what a command prints for the user or for a pipe.
    public let output: any TextSink
    /// Diagnostics: errors, warnings and notes.
    public let error: any TextSink
    /// Whether ``output`` is a terminal (documents written to a terminal are sanitised too).
    public let outputIsTerminal: Bool

    public init(output: any TextSink, error: any TextSink, outputIsTerminal: Bool = false) {
        self.output = output
        self.error = error
        self.outputIsTerminal = outputIsTerminal
    }

    /// Standard output and standard error.
    public static var standard: CLIConsole {
        CLIConsole(
            output: StandardOutput(), error: StandardOutput.standardError,
            outputIsTerminal: isatty(STDOUT_FILENO) != 0)
    }

    /// The console commands write to now.
    @TaskLocal public static var current: CLIConsole = .standard
}
