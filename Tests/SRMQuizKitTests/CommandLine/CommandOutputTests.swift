import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

@testable import SRMQuizCLI

/// Commands run in-process against a buffer console: what a user would see on stdout and
/// stderr, and the exit status, all from the one error path at the root.
@Suite(.serialized) struct CommandOutputTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private func run(_ arguments: [String]) async -> Run {
        let output = BufferSink()
        let error = BufferSink()
        let status = await CLIConsole.$current.withValue(CLIConsole(output: output, error: error)) {
            await SRMQuizCommand.execute(arguments)
        }
        return Run(status: status, stdout: output.text, stderr: error.text)
    }

    @Test func mistypedSubcommandSuggestsTheClosest() async {
        let result = await run(["exma"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'exam'?"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func negativeCountHasARealMessage() async {
        let result = await run(["quiz", "--count", "-3"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--count must be 1 or more"), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test func emptyPlayersIsABadCommandLine() async {
        let result = await run(["class", "--players", ""])
        #expect(result.status == 64)
        #expect(result.stderr.contains("empty name"), "\(result.stderr)")
    }

    /// One rule and one message for the options several commands share.
    @Test(arguments: [
        (["quiz", "--count", "0"], "--count must be 1 or more"),
        (["cram", "--count", "0"], "--count must be 1 or more"),
        (["print", "--count", "0"], "--count must be 1 or more"),
        (["exam", "--count", "0"], "--count must be 1 or more"),
        (["class", "--players", "Ann", "--count", "0"], "--count must be 1 or more"),
        (["class", "host", "--count", "0"], "--count must be 1 or more"),
        (["class", "--players", "Ann", "--timer", "0.5"], "--timer must be from 1 to 3600 seconds"),
        (["class", "host", "--timer", "0.5"], "--timer must be from 1 to 3600 seconds"),
        (["study", "--retention", "0.5"], "--retention must be between 0.70 and 0.99, not 0.5"),
        (
            ["progress", "rebuild", "--retention", "0.5"],
            "--retention must be between 0.70 and 0.99, not 0.5"
        ),
        (
            ["progress", "replay", "-", "--retention", "0.5"],
            "--retention must be between 0.70 and 0.99, not 0.5"
        ),
        (["study", "--day-starts-at", "24"], "--day-starts-at must be an hour from 0 to 23, not 24"),
        (
            ["progress", "replay", "-", "--day-starts-at", "24"],
            "--day-starts-at must be an hour from 0 to 23, not 24"
        ),
        (["study", "--exam-date", "soon"], "--exam-date must be a date such as 2026-03-31, got \"soon\""),
        (["report", "--exam-date", "soon"], "--exam-date must be a date such as 2026-03-31, got \"soon\""),
    ])
    func sharedOptionsHaveOneRule(arguments: [String], message: String) async {
        let result = await run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    @Test func unknownServiceListsTheValidOnesAndTheClosest() async {
        let result = await run(["print", "--service", "ec3", "--count", "2"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains("--service: unknown value 'ec3' (did you mean 'ec2'?)"), "\(result.stderr)"
        )
        #expect(result.stderr.contains("Valid values: "))
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownOwnerSuggests() async {
        let result = await run(["export", "--format", "json", "--owner", "custmer"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'customer'?"), "\(result.stderr)")
    }

    @Test func filterMatchingNothingSaysSoAndExits1() async {
        // Both values exist, but KMS has no shared responsibility.
        let result = await run(["export", "--format", "json", "--service", "kms", "--owner", "shared"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no questions match --service kms --owner shared"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func filterNarrowsExportAndPrint() async throws {
        let export = await run(["export", "--format", "json", "--service", "s3", "--kind", "owner"])
        #expect(export.status == 0, "\(export.stderr)")
        let items = try #require(
            try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty)
        let sheet = await run([
            "print", "--format", "text", "--count", "3", "--seed", "1", "--topic", "patching",
        ])
        #expect(sheet.status == 0, "\(sheet.stderr)")
    }

    /// `--output -` is standard output for every command that writes a document.
    @Test(arguments: [
        ["print", "--count", "2", "--seed", "1", "--format", "text"], ["export", "--format", "csv"],
    ])
    func outputDashIsStandardOutput(command: [String]) async {
        let result = await run(command + ["--output", "-"])
        #expect(result.status == 0, "\(command): \(result.stderr)")
        #expect(!result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    /// The shells' custom completion (`srmquiz ---completion …`, as the bash, zsh and fish
    /// scripts call it) offers the bank's service ids.
    @Test func serviceIDsComplete() async {
        let result = await run([
            "---completion", "quiz", "--", "--service", "3", "0", "srmquiz", "quiz", "--service", "",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let words = result.stdout.split(separator: "\n").map(String.init)
        #expect(words.contains("ec2") && words.contains("s3"), "\(words.prefix(5))")
    }

    @Test func learnerNamesComplete() throws {
        let home = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("srmquiz")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["ann.json", "bo.json", "bo.json.bak", "ann.reviews.jsonl", ".hidden.json"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
        }
        #expect(Completions.learnerNames(environment: ["XDG_DATA_HOME": home.path]) == ["ann", "bo"])
    }

    @Test func completionScriptsCallTheCustomCompletion() async {
        for shell in ["bash", "zsh", "fish"] {
            let result = await run(["--generate-completion-script", shell])
            #expect(result.status == 0)
            #expect(result.stdout.contains("---completion quiz -- --service"), "\(shell)")
            #expect(result.stdout.contains("---completion study -- --learner"), "\(shell)")
        }
    }

    @Test func versionAndHelp() async {
        let version = await run(["--version"])
        #expect(version.status == 0 && version.stdout == SRMQuizCommand.version + "\n")
        let help = await run(["--help"])
        #expect(help.status == 0)
        for section in ["ENVIRONMENT:", "SRMQUIZ_BANKS", "NO_COLOR", "XDG_DATA_HOME", "FILES:", "EXAMPLES:"] {
            #expect(help.stdout.contains(section), "root help lacks \(section)")
        }
    }

    /// Every main command's help has examples, and no sentence is broken by a hard newline
    /// (a line of prose that ends without punctuation, followed by one starting in lower case).
    @Test(arguments: [
        "study", "quiz", "cram", "exam", "class", "print", "export", "progress", "progress show",
        "progress rebuild", "progress restore", "report", "bank validate", "import",
    ])
    func helpReadsWell(command: String) async {
        let result = await run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        if ["study", "quiz", "cram", "exam", "class", "print", "export"].contains(command) {
            #expect(result.stdout.contains("EXAMPLES:"), "\(command) --help has no examples")
        }
        let overview = result.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
        #expect(!overview.contains("\nEXAMPLES:") || overview.contains("\n\nEXAMPLES:"))
        let lines = overview.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !line.hasPrefix(" ") {
            // ArgumentParser wraps at 80 columns: a short line followed by more prose is a hard break.
            let ends = line.last.map { ".:;)!?".contains($0) } ?? true
            if line.count < 60, !ends, let first = next.first, first.isLowercase {
                Issue.record("\(command): hard newline inside a sentence: \"\(line)\" / \"\(next)\"")
            }
        }
    }

    @Test func messagesToATerminalAreWrappedWithPathsWhole() async throws {
        let error = BufferSink()
        let path =
            "/home/annabelle/.local/share/srmquiz/" + String(repeating: "long-", count: 12) + "name.json"
        CLIConsole.$current.withValue(CLIConsole(output: BufferSink(), error: error, errorIsTerminal: true)) {
            CLIOutput.warning("new learner 'ann' at \(path), created because it was not there before today")
        }
        let lines = error.text.split(separator: "\n").map(String.init)
        #expect(lines.contains(path + ","), "\(lines)")
        #expect(lines.filter { !$0.hasPrefix(path) }.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(lines)")
        #expect(lines.first == "srmquiz: warning: new learner 'ann' at")
        #expect(lines.last?.hasPrefix("  ") == true, "continuation rows are indented: \(lines)")

        // Not a terminal: one line as it is, for scripts and logs.
        let piped = BufferSink()
        CLIConsole.$current.withValue(CLIConsole(output: BufferSink(), error: piped)) {
            CLIOutput.warning("new learner 'ann' at \(path), created because it was not there before today")
        }
        #expect(piped.text.filter { $0 == "\n" }.count == 1)
    }
}
