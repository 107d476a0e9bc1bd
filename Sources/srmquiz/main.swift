import ArgumentParser
import Foundation
import SRMQuizCLI

// A file-size limit (`ulimit -f`) becomes a write error (EFBIG, reported with the file's path)
// instead of a SIGXFSZ that kills the process in the middle of saving.
_ = signal(SIGXFSZ, SIG_IGN)

// Top-level code picks ParsableCommand's synchronous main(), which refuses an async root, so
// run the root the way AsyncParsableCommand.main() does.
func runAsync(_ command: inout some AsyncParsableCommand) async throws {
    try await command.run()
}

do {
    var command = try SRMQuizCommand.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch {
    SRMQuizCommand.exit(withError: error)
}
