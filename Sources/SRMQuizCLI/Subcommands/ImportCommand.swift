import ArgumentParser
import Foundation
import SRMQuizKit

extension ImportFormat: ExpressibleByArgument {}

/// `srmquiz import`: questions from another tool, written as a bank file.
public struct ImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert GIFT, Aiken or CSV questions into a bank file.",
        discussion: """
            Converts single- and multiple-answer and true/false questions. What cannot be converted \
            (essay, numerical, short-answer and matching questions, malformed blocks, a missing \
            ANSWER line, …) is listed on stderr as FILE:LINE: message. Ids come from GIFT titles or \
            the CSV id column when they are valid ids, else imported-<n>. The bank format needs a \
            source for every question: those without one get --source.
            Exit status: 0 if at least one question was converted, 1 if the input cannot be read, \
            the output exists (without --force) or nothing converts.
            """)

    @Option(help: ArgumentHelp("The input format.", valueName: ImportFormat.allCases.map(\.rawValue).joined(separator: "|")))
    var format: ImportFormat

    @Argument(help: ArgumentHelp("The file to read (- for standard input).", valueName: "file"))
    var file: String

    @Option(name: [.short, .long], help: ArgumentHelp("The bank file to write (YAML).", valueName: "bank.yaml"))
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("The source given to questions that have none.", valueName: "url"))
    var source: String = ImportAssembler.defaultSource

    @Flag(help: "Print a JSON summary on stdout (counts, problems).")
    var json = false

    public init() {}

    public func validate() throws {
        if !(source.hasPrefix("https://") || source.hasPrefix("http://")) || source.contains(where: \.isWhitespace) {
            throw ValidationError("--source must be an http(s) URL, got \"\(source)\"")
        }
    }

    public func run() throws {
        if !force, FileManager.default.fileExists(atPath: output) {
            ExchangeDiagnostics.error("\(output) exists; not overwriting it (use --force)")
            throw ExitCode(1)
        }
        let text: String
        do {
            let data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: file))
            guard let decoded = String(data: data, encoding: .utf8) else {
                ExchangeDiagnostics.error("cannot read \(file): not UTF-8 text")
                throw ExitCode(1)
            }
            text = decoded
        } catch let exit as ExitCode {
            throw exit
        } catch {
            ExchangeDiagnostics.error("cannot read \(file): \(error.localizedDescription)")
            throw ExitCode(1)
        }

        let result = format.importer.importQuestions(from: text, defaultSource: source)
        let place = file == "-" ? "<stdin>" : file
        for problem in result.problems {
            ExchangeDiagnostics.error("\(place):\(problem.line): \(problem.message)", prefixed: false)
        }
        guard !result.questions.isEmpty else {
            ExchangeDiagnostics.error("nothing converted from \(place) (\(result.problems.count) problem(s))")
            throw ExitCode(1)
        }
        do {
            let yaml = try BankWriter.yaml(
                questions: result.questions,
                comment: ["Imported by `srmquiz import --format \(format.rawValue)` from \(place)."])
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch let error as BankWriterError {
            ExchangeDiagnostics.error(error.description)
            throw ExitCode(1)
        } catch {
            ExchangeDiagnostics.error("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if result.defaultedSources > 0 {
            ExchangeDiagnostics.error(
                "\(result.defaultedSources) question(s) had no source and now cite \(source)")
        }
        if json {
            let summary: [String: Any] = [
                "imported": result.questions.count, "output": output,
                "defaultedSources": result.defaultedSources,
                "problems": result.problems.map { ["line": $0.line, "message": $0.message] as [String: Any] },
            ]
            let data = try JSONSerialization.data(withJSONObject: summary, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(
                "Imported \(result.questions.count) question(s) into \(output)"
                    + (result.problems.isEmpty ? "." : "; \(result.problems.count) problem(s) listed above."))
        }
    }
}
