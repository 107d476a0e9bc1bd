import ArgumentParser
import SRMQuizCLI

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
