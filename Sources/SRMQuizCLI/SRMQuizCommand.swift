import ArgumentParser

/// The `srmquiz` root command: its subcommands, with `study` as the default.
package struct SRMQuizCommand: AsyncParsableCommand {
    /// The version `srmquiz --version` prints.
    package static let version = "0.1.0"

    package static let configuration = CommandConfiguration(
        commandName: "srmquiz",
        abstract: "Learn the AWS Shared Responsibility Model: security OF the cloud vs IN the cloud.",
        discussion: HelpText.rootDiscussion,
        version: version,
        subcommands: [
            StudyCommand.self,
            QuizCommand.self,
            CramCommand.self,
            BankCommand.self,
            ProgressCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            ExamCommand.self,
            ClassCommand.self,
            ReportCommand.self,
            PrintCommand.self,
            IntroCommand.self,
        ],
        defaultSubcommand: StudyCommand.self
    )

    package init() {}

    /// Parses `arguments` (without the program name), runs the command they name, and returns the
    /// exit status.
    ///
    /// Errors are printed here, once, through ``CLIOutput/report(_:)``: 0 success, 1 bad input or
    /// data, 64 bad command line.
    package static func execute(_ arguments: [String]) async -> Int32 {
        do {
            try checkCommandNames(arguments)
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await runAsync(&asyncCommand)
            } else {
                try command.run()
            }
            return 0
        } catch {
            return CLIOutput.report(error)
        }
    }

    private static func runAsync(_ command: inout some AsyncParsableCommand) async throws {
        try await command.run()
    }

    /// Refuses a word that is not a subcommand where one is expected (`srmquiz exma`), with the
    /// closest name ("did you mean 'exam'?"): otherwise the default subcommand would report it as
    /// an unexpected argument.
    ///
    /// Exit status 64.
    static func checkCommandNames(_ arguments: [String]) throws {
        var command: any ParsableCommand.Type = SRMQuizCommand.self
        var path = ["srmquiz"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty, word != "help" else { return }
            guard
                let next = subcommands.first(where: {
                    name(of: $0) == word || $0.configuration.aliases.contains(word)
                })
            else {
                let names = subcommands.map(name(of:))
                var message = "unknown command '\(word)' for '\(path.joined(separator: " "))'"
                if let near = Suggestion.closest(to: word, in: names) {
                    message += "; did you mean '\(near)'?"
                }
                message += " Commands: " + names.joined(separator: ", ")
                throw CLIError.usage(message)
            }
            command = next
            path.append(word)
        }
    }

    private static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }
}
