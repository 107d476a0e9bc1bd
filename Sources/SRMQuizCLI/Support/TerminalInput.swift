import Foundation
import SRMQuizKit

/// Picks how a session reads lines: GNU readline on a terminal (history, Tab completion, Ctrl-C),
/// plain lines when standard input is a pipe or a file.
enum TerminalInput {
    /// A line reader for this process, and what to call when the session ends.
    @MainActor
    static func reader(
        echo sink: any TextSink, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (reader: any LineReader, finish: () -> Void) {
        if isatty(STDIN_FILENO) != 0 {
            let readline = ReadlineLineReader(
                historyPath: ReadlineLineReader.defaultHistoryPath(environment: environment))
            return (readline, { readline.finish() })
        }
        return (PlainLineReader(echo: sink), {})
    }
}
