import ArgumentParser
import Foundation
import SRMQuizKit

/// `--bank PATH` (repeatable) and `--no-bundled`, for every command that reads banks.
package struct BankOptions: ParsableArguments {
    @Option(name: .customLong("bank"), help: ArgumentHelp(
        "A bank file or folder to add (repeatable).", valueName: "path"))
    package var banks: [String] = []

    @Flag(name: .customLong("no-bundled"), help: "Use only the banks given with --bank.")
    package var noBundled = false

    package init() {}

    /// The paths to read: the bundled bank (unless `--no-bundled`), then each `--bank`.
    package func paths(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
        var paths: [String] = []
        if !noBundled {
            guard let bundled = BankLocator.bundledBank(environment: environment) else {
                throw CLIError(
                    "cannot find the bundled question bank (QuestionBanks/); set SRMQUIZ_BANKS or pass --bank PATH")
            }
            paths.append(bundled)
        }
        paths.append(contentsOf: banks)
        if paths.isEmpty { throw CLIError.usage("--no-bundled needs at least one --bank PATH") }
        return paths
    }
}
