import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz import`: questions from another tool, written as a bank file.
package struct ImportCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert GIFT, Aiken or CSV questions into a bank file.",
        discussion: """
            Converts single- and multiple-answer (two choices or more) and true/false questions. \
            GIFT text marked [html] becomes plain text; per-choice feedback is kept in the \
            explanation ("Why not b: …"). What cannot be converted (essay, numerical, short-answer \
            and matching questions, malformed blocks, a missing ANSWER line, …) is listed on stderr \
            as FILE:LINE: message. Ids come from GIFT titles or \
            the CSV id column when they are valid ids, else imported-<n>. The bank format needs a \
            source for every question: those without one get --source.
            Exit status: 0 if at least one question was converted or the file holds only \
            categories and descriptions (then nothing is written), 1 if the input cannot be read, \
            the output exists (without --force) or nothing converts.
            """)

    @Option(
        help: ArgumentHelp(
            "The input format.", valueName: ImportFormat.allCases.map(\.rawValue).joined(separator: "|")))
    var format: ImportFormat

    @Argument(help: ArgumentHelp("The file to read (- for standard input).", valueName: "file"))
    var file: String

    @Option(
        name: [.short, .long], help: ArgumentHelp("The bank file to write (YAML).", valueName: "bank.yaml"))
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("The source given to questions that have none.", valueName: "url"))
    var source: String = ImportAssembler.defaultSource

    @Flag(help: "Print a JSON summary on stdout (counts, problems).")
    var json = false

    @OptionGroup var display: DisplayOptions

    package init() {}

    package func validate() throws {
        if !(source.hasPrefix("https://") || source.hasPrefix("http://"))
            || source.contains(where: \.isWhitespace)
        {
            throw ValidationError("--source must be an http(s) URL, got \"\(source)\"")
        }
    }

    package func run() throws {
        if !force, FileManager.default.fileExists(atPath: output) {
            throw CLIOutput.fail("\(output) exists; not overwriting it (use --force)")
        }
        let text: String
        do {
            let limit = BoundedFileReader.inputFileLimit
            let data =
                file == "-"
                ? try BoundedFileReader.readStandardInput(limit: limit)
                : try BoundedFileReader.read(path: file, limit: limit)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw CLIOutput.fail("cannot read \(file): not UTF-8 text")
            }
            text = decoded
        } catch let error as CLIError {
            throw error
        } catch let failure as BoundedFileReader.Failure {
            throw CLIOutput.fail(failure.description)
        } catch {
            throw CLIOutput.fail("cannot read \(file): \(error.localizedDescription)")
        }

        let result = format.importer.importQuestions(from: text, defaultSource: source)
        let place = file == "-" ? "<stdin>" : file
        for problem in result.problems {
            CLIOutput.diagnostic("\(place):\(problem.line): \(problem.message)")
        }
        if result.onlyCategoriesOrDescriptions {
            let message = "No questions in \(place) (only categories/descriptions); nothing written."
            if json {
                CLIOutput.print(
                    CLIOutput.json(
                        Summary(
                            imported: 0, output: nil, defaultedSources: 0, defaultedExplanations: 0,
                            keptFeedback: 0, descriptions: result.descriptions, problems: [])))
            } else {
                CLIOutput.print(message)
            }
            return
        }
        guard !result.questions.isEmpty else {
            throw CLIOutput.fail("nothing converted from \(place) (\(result.problems.count) problem(s))")
        }
        do {
            let yaml = try BankWriter.yaml(
                questions: result.questions,
                comment: ["Imported by `srmquiz import --format \(format.rawValue)` from \(place)."])
            try DurableFile.write(yaml, to: output, mode: 0o644)
        } catch let error as BankWriterError {
            throw CLIOutput.fail(error.description)
        } catch let error as FileError {
            throw CLIOutput.fail(error.description)
        } catch {
            throw CLIOutput.fail("cannot write \(output): \(error.localizedDescription)")
        }
        if result.defaultedSources > 0 {
            CLIOutput.inform("\(result.defaultedSources) question(s) had no source and now cite \(source)")
        }
        if result.defaultedExplanations > 0 {
            CLIOutput.inform(
                "\(result.defaultedExplanations) question(s) had no explanation and now say \"The answer is: …\""
            )
        }
        if result.keptFeedback > 0 {
            CLIOutput.inform(
                "\(result.keptFeedback) question(s) kept per-choice feedback in their explanation (\"Why not b: …\")"
            )
        }
        if result.descriptions > 0 {
            CLIOutput.inform("skipped \(result.descriptions) description(s) (text without an answer block)")
        }
        if json {
            CLIOutput.print(
                CLIOutput.json(
                    Summary(
                        imported: result.questions.count, output: output,
                        defaultedSources: result.defaultedSources,
                        defaultedExplanations: result.defaultedExplanations,
                        keptFeedback: result.keptFeedback, descriptions: result.descriptions,
                        problems: result.problems)))
        } else {
            CLIOutput.print(
                "Imported \(result.questions.count) question(s) into \(output)"
                    + (result.problems.isEmpty ? "." : "; \(result.problems.count) problem(s) listed above."))
        }
    }

    /// The `--json` summary.
    struct Summary: Encodable {
        var imported: Int
        /// The bank file written; nil when nothing was.
        var output: String?
        var defaultedSources: Int
        var defaultedExplanations: Int
        var keptFeedback: Int
        var descriptions: Int
        var problems: [ImportProblem]
    }
}
