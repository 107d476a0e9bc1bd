import ArgumentParser

/// `srmquiz bank`: check and inspect question banks.
struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "Check and inspect question banks.",
        subcommands: [BankValidateCommand.self, BankListCommand.self, BankStatsCommand.self]
    )
}
