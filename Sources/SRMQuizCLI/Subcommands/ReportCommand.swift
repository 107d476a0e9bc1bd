import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz report`: score summaries from progress files, exam results and class results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise scores from progress files, exam results and class results.",
        discussion: """
            Each file's kind is detected from its content. Learners (progress files, exam results): \
            accuracy by owner, service, category and kind, progress by week, weakest items, what is due. \
            Classes: students' scores, and per question Moodle's facility and discrimination indices and \
            how often each wrong choice was picked. Text and Markdown fit 80 columns for printing; HTML \
            is one self-contained page.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, csv, json, html
    }

    @Argument(help: ArgumentHelp("Progress, exam or class results files.", valueName: "file"))
    var files: [String] = []

    @Option(help: "text, markdown, csv, json or html.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp("Write the report to this file (atomically) instead of stdout.", valueName: "file")
    )
    var output: String?

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var learnerOptions: LearnerOptions

    func run() throws {
        var inputs: [ReportInput] = []
        var files = self.files
        if files.isEmpty {
            // No files: the learner's own progress (--learner/--progress, else the default).
            let location = try learnerOptions.location()
            guard FileManager.default.fileExists(atPath: location.file.path) else {
                throw CLIOutput.fail(
                    "no progress file for learner '\(location.learner)' at \(location.file.path); "
                        + "study first, or give progress, exam or class results files")
            }
            files = [location.file.path]
        }
        for file in files {
            do {
                inputs.append(try ReportInput.load(path: file))
            } catch {
                throw CLIOutput.fail(error.description)
            }
        }
        var items: [String: Item] = [:]
        if inputs.contains(where: { if case .progress = $0 { true } else { false } }) {
            // Progress logs hold item ids only: the bank gives their tags and prompts.
            if let paths = try? bankOptions.paths(), let bank = try? BankLoader.load(paths: paths) {
                for item in QuestionGenerator(bank: bank).generate(seed: 0) { items[item.id] = item }
            } else {
                StandardOutput.standardError.write(
                    "srmquiz: note: cannot load the bank; breakdowns of progress files show `unknown`\n")
            }
        }
        let now = Date()
        let parts: [ReportBuilder.Part] = inputs.map { input in
            switch input {
            case .progress(let file, let log, let cards):
                .learner(LearnerReport.make(file: file, log: log, cards: cards, items: items, now: now))
            case .exam(let file, let result): .learner(LearnerReport.make(file: file, exam: result))
            case .classSession(let file, let result):
                .classSession(ClassReport.make(file: file, result: result))
            }
        }
        let text: String
        do {
            text = try ReportRenderer.render(
                parts: parts, format: ReportFormat(rawValue: format.rawValue) ?? .text, generatedAt: now)
        } catch {
            throw CLIOutput.fail("cannot render the report: \(error)")
        }
        if let output {
            do {
                try ResultFileWriter.write(text, to: output, mode: 0o644)
            } catch {
                throw CLIOutput.fail(error.description)
            }
        } else {
            StandardOutput().write(text)
        }
    }
}
