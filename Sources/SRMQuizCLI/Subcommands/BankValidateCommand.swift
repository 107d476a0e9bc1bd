import ArgumentParser
import SRMQuizKit

/// `srmquiz bank validate [PATH...]`: checks banks, printing counts or every problem.
struct BankValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check question banks: prints counts when valid, else every problem with its place.",
        discussion: """
            With no PATH, checks the bundled bank. PATHs (files or folders) are checked together with \
            the bundled model, whose sources and services they may cite, unless --no-bundled is given.
            Exit status: 0 when valid, 1 when any problem was found.
            """
    )

    @Argument(help: "Bank files or folders to check.")
    var paths: [String] = []

    @OptionGroup var bankOptions: BankOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        var options = bankOptions
        options.banks = paths + bankOptions.banks
        let allPaths = try options.paths()
        let (bank, loadProblems) = BankLoader.check(paths: allPaths)
        // The lint looks at the generated items, so it runs only on a bank that loads; the items
        // are counted and linted as they are generated (a large bank's would not fit at once).
        let review = loadProblems.isEmpty ? BankReview(bank: bank) : nil
        let stats = review?.statistics ?? BankStatistics(bank: bank, items: [])
        let lint = review?.lint
        let problems = loadProblems.map(\.description) + (lint?.findings.map { "lint: \($0)" } ?? [])
        if json {
            struct Report: Encodable {
                var valid: Bool
                var problems: [String]
                var counts: BankStatistics
            }
            CLIOutput.document(
                CLIOutput.json(Report(valid: problems.isEmpty, problems: problems, counts: stats)) + "\n")
        } else if problems.isEmpty {
            CLIOutput.print(
                """
                valid: \(stats.files) files, \(stats.sources) sources, \(stats.services) services, \
                \(stats.tasks) tasks, \(stats.controls) controls, \(stats.facts) facts, \
                \(stats.questions) questions → \(stats.items) items
                lint: clean; scenario key longest in \(lint?.scenariosKeyLongest ?? 0) of \(lint?.scenariosCounted ?? 0) \
                (at most \(Int(BankLint.maxKeyLongestShare * 100))%), key positions \(lint?.scenarioKeyPositions ?? [])
                """)
        } else {
            for problem in problems { CLIOutput.diagnostic(problem) }
            CLIOutput.diagnostic("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
