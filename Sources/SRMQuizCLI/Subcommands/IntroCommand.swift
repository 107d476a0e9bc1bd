import ArgumentParser
import SRMQuizKit

/// `srmquiz intro`: one screen on the Shared Responsibility Model.
struct IntroCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intro",
        abstract: "One screen on the model: security OF vs IN the cloud, service categories, control kinds."
    )

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var display: DisplayOptions

    func run() throws {
        CLIOutput.print(IntroScreen.text(bank: (try? CLIOutput.loadBank(bankOptions)) ?? Bank()))
    }
}
