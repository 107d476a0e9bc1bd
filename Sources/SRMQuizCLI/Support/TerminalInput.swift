import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// Picks the terminal a session runs on: GNU readline on a TTY (history, Tab completion, Ctrl-C,
/// a live clock in the prompt), plain lines when standard input is a pipe or a file (timers still
/// fire).
enum TerminalInput {
    /// The terminal for this process. Call ``Terminal/finish()`` when the session ends.
    @MainActor
    static func terminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> any Terminal
    {
        if isatty(STDIN_FILENO) != 0 {
            return ReadlineTerminal(
                historyPath: ReadlineTerminal.defaultHistoryPath(environment: environment),
                environment: environment)
        }
        return PipeTerminal(environment: environment)
    }
}
