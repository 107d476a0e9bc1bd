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
            accuracy by owner, service, category and kind, progress by week, weakest items, leeches, \
            what is due in the next 14 days, the exam-readiness forecast, and the trend across several \
            exam results. Classes: students' scores, and per question Moodle's facility and \
            discrimination indices and how many picked each choice; most-missed facts count only the \
            facts a question tests. Text and Markdown fit 80 columns for printing; HTML is one \
            self-contained page.
            CSV holds one table per file, ready for a spreadsheet or gradebook: --table students (or \
            questions, choices, facts, weeks, weakest, wrong, readiness); --output-dir DIR writes one \
            file per table.
            --readiness prints only the readiness forecast: the share of the bank's items you would \
            answer right on --exam-date (default today), its band, per category, the topics holding it \
            back, and the reviews a day that reach --target. See docs/readiness.md.
            """
    )

    @Argument(help: ArgumentHelp("Progress, exam or class results files.", valueName: "file"))
    var files: [String] = []

    @Option(help: "text, markdown, csv, json or html.")
    var format: ReportFormat = .text

    @Option(
        help: ArgumentHelp("Write the report to this file (atomically) instead of stdout.", valueName: "file")
    )
    var output: String?

    @Option(
        name: .customLong("table"),
        help: ArgumentHelp("CSV: the table to write (repeat with --output-dir).", valueName: "name"))
    var tables: [String] = []

    @Option(help: ArgumentHelp("CSV: write one file per table into this folder.", valueName: "dir"))
    var outputDir: String?

    @Flag(help: "Print only the exam-readiness forecast of the learners' progress.")
    var readiness = false

    @Option(
        help: ArgumentHelp(
            "The exam date for the readiness forecast (default: today).", valueName: "yyyy-mm-dd"))
    var examDate: String?

    @Option(help: ArgumentHelp("The readiness target, in percent.", valueName: "percent"))
    var target: Double = 80

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var learnerOptions: LearnerOptions

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if !(tables.isEmpty && outputDir == nil), format != .csv {
            throw ValidationError("--table and --output-dir are for --format csv")
        }
        if outputDir != nil, output != nil {
            throw ValidationError("give --output or --output-dir, not both")
        }
        if readiness, ![.text, .markdown, .html].contains(format) {
            throw ValidationError("--readiness prints text, markdown or html")
        }
        if !(1...100).contains(target) {
            throw ValidationError("--target must be a percentage from 1 to 100")
        }
        try OptionCheck.examDate(examDate)
    }

    func run() throws {
        var inputs: [ReportInput] = []
        var files = self.files
        var ownLearner: String?
        if files.isEmpty {
            // No files: the learner's own progress (--learner/--progress, else the default).
            let location = try learnerOptions.location()
            guard FileManager.default.fileExists(atPath: location.file.path) else {
                throw CLIOutput.fail(
                    "no progress file for learner '\(location.learner)' at \(location.file.path); "
                        + "study first, or give progress, exam or class results files")
            }
            files = [location.file.path]
            ownLearner = location.learner
        }
        // The bank is loaded on another thread while the files are read (a learner's log takes the
        // longest).
        nonisolated(unsafe) var loaded: GeneratedBank?
        let bankLoaded = DispatchGroup()
        if let paths = try? bankOptions.paths() {
            DispatchQueue.global().async(group: bankLoaded) {
                loaded = try? BankOptions.generated(paths: paths, seed: 0)
            }
        }
        for file in files {
            do {
                let input = try ReportInput.load(path: file)
                if case .progress(_, _, _, let warnings) = input {
                    // Figures from a log read in part (a torn last line) are never printed unsaid.
                    for warning in warnings { CLIOutput.warning(warning) }
                }
                inputs.append(input)
            } catch {
                throw CLIOutput.fail(error.description)
            }
        }
        var items: [String: Item] = [:]
        var pool: [Item] = []
        var names = DisplayNames()
        let hasProgress = inputs.contains(where: { if case .progress = $0 { true } else { false } })
        bankLoaded.wait()
        if !inputs.isEmpty {
            // Progress logs hold item ids only: the bank gives their tags and prompts, and
            // service names and fact texts for every learner report.
            if let loaded {
                pool = loaded.items
                for item in pool { items[item.id] = item }
                names = loaded.names
            } else if hasProgress {
                CLIOutput.note("cannot load the bank; breakdowns of progress files show `unknown`")
            }
        }
        if readiness, !hasProgress {
            throw CLIOutput.fail(
                "--readiness needs a learner's progress file (exam and class results have no schedule)")
        }
        let now = Date()
        let examDay = examDate.flatMap(Timestamp.day(from:)) ?? now
        if examDay < now.addingTimeInterval(-86400) {
            throw CLIOutput.fail("--exam-date \(examDate ?? "") is in the past", code: 64)
        }
        let scheduler = try? FSRSScheduler(fuzz: false)
        let parts: [ReportBuilder.Part] = inputs.map { input in
            switch input {
            case .progress(let file, let log, let cards, _):
                // A progress file is named after its learner (<name>.json) unless --progress moved it.
                let learner =
                    learnerOptions.learner ?? ownLearner
                    ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                // The report's tallies and the readiness forecast each read the whole log; they
                // are made at the same time.
                enum Piece {
                    case report(LearnerReport)
                    case forecast(ReadinessForecast?)
                }
                var report: LearnerReport?
                var forecast: ReadinessForecast?
                for piece in ParallelMap.map(
                    2,
                    { k -> Piece in
                        guard k == 1 else {
                            return .report(
                                LearnerReport.make(
                                    file: file, log: log, cards: cards, items: items, now: now,
                                    learner: learner,
                                    names: names))
                        }
                        guard !pool.isEmpty, let scheduler else { return .forecast(nil) }
                        return .forecast(
                            ReadinessForecast.make(
                                items: pool, cards: cards, log: log, now: now, examDate: examDay,
                                scheduler: scheduler, target: target))
                    })
                {
                    switch piece {
                    case .report(let made): report = made
                    case .forecast(let made): forecast = made
                    }
                }
                guard var report else { preconditionFailure("ParallelMap runs every piece") }
                report.readiness = forecast
                return .learner(report)
            case .exam(let file, let result):
                return .learner(LearnerReport.make(file: file, exam: result, names: names))
            case .classSession(let file, let result):
                return .classSession(ClassReport.make(file: file, result: result, names: names))
            }
        }
        if let outputDir {
            try writeTables(parts: parts, to: outputDir, now: now)
            return
        }
        let text: String
        do {
            if readiness {
                let doc = ReportBuilder.readinessDocument(parts: parts, generatedAt: now)
                switch format {
                case .markdown: text = MarkdownReportRenderer.render(doc)
                case .html: text = HTMLReportRenderer.render(doc)
                default: text = TextReportRenderer.render(doc)
                }
            } else {
                text = try ReportRenderer.render(
                    parts: parts, format: format, generatedAt: now,
                    tables: tables)
            }
        } catch let error as ReportTableError {
            throw CLIOutput.fail(error.description, code: 64)
        } catch {
            throw CLIOutput.fail("cannot render the report: \(error)")
        }
        try CLIOutput.document(text, to: output)
    }

    /// One CSV file per table in `folder` (`students.csv`, …), each written atomically.
    func writeTables(parts: [ReportBuilder.Part], to folder: String, now: Date) throws {
        let files: [CSVReportRenderer.File]
        do {
            files = try ReportRenderer.csvFiles(parts: parts, generatedAt: now, tables: tables)
        } catch {
            throw CLIOutput.fail(error.description, code: 64)
        }
        for file in files {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file.name + ".csv").path
            try CLIOutput.document(file.text, to: path)
            CLIOutput.print(path)
        }
    }
}
