import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// Picks the terminal a session runs on: GNU readline on a TTY (history, Tab completion, Ctrl-C, a
/// live clock in the prompt), plain lines when standard input is a pipe or a file (timers still
/// fire).
///
/// The terminal writes to the console's output (``CLIConsole/current``).
enum TerminalInput {
    /// The terminal for this process.
    ///
    /// Call ``Terminal/finish()`` when the session ends.
    @MainActor
    static func terminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> any Terminal
    {
        if isatty(STDIN_FILENO) != 0 {
            return ReadlineTerminal(
                historyPath: ReadlineTerminal.defaultHistoryPath(environment: environment),
                output: CLIConsole.current.output, environment: environment)
        }
        return PipeTerminal(output: CLIConsole.current.output, environment: environment, handlesSignals: true)
    }
}
