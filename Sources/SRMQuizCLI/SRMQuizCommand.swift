import ArgumentParser

/// The `srmquiz` root command: its subcommands, with `study` as the default.
public struct SRMQuizCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "srmquiz",
        abstract: "Learn the AWS Shared Responsibility Model: security OF the cloud vs IN the cloud.",
        version: "0.1.0",
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

    public init() {}
}
