import ArgumentParser
import SRMQuizKit
import Testing

@testable import SRMQuizCLI

/// Every subcommand's options, defaults, conflicts and exit codes, parsed in-process with
/// `SRMQuizCommand.parseAsRoot` (no binary launched).
@Suite struct CommandParsingTests {
    private func parse<T: ParsableCommand>(_ arguments: [String], as type: T.Type) throws -> T {
        let command = try SRMQuizCommand.parseAsRoot(arguments)
        return try #require(command as? T, "parsed \(Swift.type(of: command)), not \(T.self)")
    }

    /// The exit status the parse of `arguments` ends with (0 when it parses).
    private func status(_ arguments: [String]) -> Int32 {
        do {
            try SRMQuizCommand.checkCommandNames(arguments)
            _ = try SRMQuizCommand.parseAsRoot(arguments)
            return 0
        } catch let error as CLIError {
            return error.code
        } catch {
            return SRMQuizCommand.exitCode(for: error).rawValue
        }
    }

    @Test func noSubcommandIsStudyWithDefaults() throws {
        let study = try parse([], as: StudyCommand.self)
        #expect(study.newPerDay == nil && study.limit == nil && study.scheduler == nil)
        #expect(
            study.session.filterOptions.isEmpty && study.session.bankOptions.banks.isEmpty
                && !study.session.bankOptions.noBundled)
        #expect(study.session.learnerOptions.learner == nil && !study.session.display.noColor)
    }

    @Test func studyOptions() throws {
        let study = try parse(
            [
                "study", "--new", "5", "--limit", "30", "--scheduler", "sm2", "--day-starts-at", "6",
                "--exam-date", "2026-03-31", "--service", "ec2,s3", "--learner", "ann", "--no-color",
            ],
            as: StudyCommand.self)
        #expect(
            study.newPerDay == 5 && study.limit == 30 && study.scheduler == .sm2 && study.dayStartsAt == 6)
        #expect(study.session.filterOptions.filter.services == ["ec2", "s3"])
        #expect(study.session.learnerOptions.learner == "ann" && study.session.display.noColor)
    }

    @Test func quizDefaultsAndFilters() throws {
        let quiz = try parse(["quiz"], as: QuizCommand.self)
        #expect(quiz.count == 10 && quiz.seed == nil && !quiz.noRecord)
        let filtered = try parse(
            [
                "quiz", "--count", "3", "--seed", "7", "--owner", "aws", "--kind", "owner", "--tag", "x",
                "--topic", "patching", "--no-record", "--bank", "b.yaml", "--no-bundled",
            ],
            as: QuizCommand.self)
        #expect(filtered.count == 3 && filtered.seed == 7 && filtered.noRecord)
        #expect(
            filtered.session.filterOptions.filter
                == ItemFilter(owners: ["aws"], kinds: ["owner"], topics: ["patching"], tags: ["x"]))
        #expect(filtered.session.bankOptions.banks == ["b.yaml"] && filtered.session.bankOptions.noBundled)
    }

    /// The one filter set is accepted by every command that selects questions.
    @Test(arguments: [
        ["study"], ["quiz"], ["cram"], ["exam"], ["class"], ["class", "host"], ["print"],
        ["export", "--format", "csv"],
    ])
    func everySelectingCommandTakesTheFilterSet(command: [String]) {
        let filters = [
            "--service", "ec2", "--owner", "aws", "--kind", "owner", "--tag", "t", "--topic", "p",
            "--bank", "x.yaml", "--no-bundled",
        ]
        let players = command == ["class"] ? ["--players", "Ann"] : []
        #expect(status(command + players + filters) == 0)
    }

    /// `--no-color` is accepted by every command.
    @Test(arguments: [
        ["study"], ["quiz"], ["cram"], ["exam"], ["class", "--players", "Ann"], ["class", "host"],
        ["class", "join", "h:1"], ["report"], ["print"], ["export", "--format", "json"],
        ["import", "--format", "gift", "f", "-o", "o.yaml"], ["intro"], ["bank", "validate"],
        ["bank", "list"],
        ["bank", "stats"], ["progress", "show"], ["progress", "rebuild"], ["progress", "restore"],
        ["progress", "path"], ["progress", "replay", "r.csv"],
    ])
    func everyCommandTakesNoColor(command: [String]) {
        #expect(status(command + ["--no-color"]) == 0)
    }

    /// Command lines and the exit status their parse ends with.
    static let exitCodeTable: [(arguments: [String], expected: Int32)] = [
        (["exma"], 64),
        (["bank", "valdate"], 64),
        (["class", "hots"], 64),
        (["quiz", "--count", "-3"], 64),
        (["quiz", "--count", "0"], 64),
        (["cram", "--count", "-1"], 64),
        (["print", "--count", "-3"], 64),
        (["exam", "--count", "-3"], 64),
        (["quiz", "--owner", "both"], 64),
        (["quiz", "--kind", "nope"], 64),
        (["cram", "--owner", "custmer"], 64),
        (["class", "--players", ""], 64),
        (["class"], 64),
        (["class", "--players", "Ann", "--roster", "r.txt"], 64),
        (["exam", "--minutes", "10", "--time", "5m"], 64),
        (["exam", "--time", "soon"], 64),
        (["exam", "--warn-at", "x"], 64),
        (["report", "--table", "students"], 64),
        (["report", "--output", "a", "--output-dir", "b", "--format", "csv"], 64),
        (["report", "--format", "pdf"], 64),
        (["print", "--format", "pdf"], 64),
        (["export"], 64),
        (["export", "--format", "docx"], 64),
        (["study", "--retention", "0.5"], 64),
        (["study", "--scheduler", "sm3"], 64),
        (["study", "--exam-date", "2026-02-30"], 64),
        (["class", "join", "nohost"], 64),
        (["class", "join", "h:1", "--no-record", "--learner", "ann"], 64),
        (["class", "host", "--port", "70000"], 64),
        (["progress", "replay", "r.csv", "--scheduler", "x"], 64),
        (["bank", "list", "--kind", "nope"], 64),
        (["study", "--new", "-1"], 64),
        (["study", "--limit", "0"], 64),
        (["study", "--day-starts-at", "24"], 64),
        (["cram", "--count", "0"], 64),
        (["cram", "--seed", "1"], 64),
        (["print", "--count", "0"], 64),
        (["export", "--format", "anki", "--deck", " "], 64),
        (["import", "--format", "gift", "f.gift"], 64),
        (["import", "--format", "gift", "-o", "o.yaml"], 64),
        (["import", "--format", "docx", "f", "-o", "o.yaml"], 64),
        (["import", "--format", "gift", "f", "-o", "o.yaml", "--source", "ftp://example.com"], 64),
        (["report", "--readiness", "--format", "csv"], 64),
        (["report", "--target", "0"], 64),
        (["report", "--exam-date", "soon"], 64),
        (["exam", "--count", "0"], 64),
        (["exam", "--minutes", "0"], 64),
        (["exam", "--pass-mark", "101"], 64),
        (["class", "--players", "Ann", "--count", "0"], 64),
        (["class", "--players", "Ann", "--timer", "0"], 64),
        (["class", "--players", "Ann", "--turns", "--together"], 64),
        (["class", "host", "--count", "0"], 64),
        (["class", "host", "--timer", "0"], 64),
        (["class", "host", "--max-players", "0"], 64),
        (["class", "host", "--auto-advance", "4000"], 64),
        (["class", "host", "--start-when", "0"], 64),
        (["class", "host", "--pin", "12ab"], 64),
        (["class", "join"], 64),
        (["class", "join", "h:0"], 64),
        (["progress", "shwo"], 64),
        (["progress", "rebuild", "--retention", "0.5"], 64),
        (["progress", "replay"], 64),
        (["progress", "replay", "r.csv", "--day-starts-at", "24"], 64),
        (["progress", "replay", "r.csv", "--time-zone", "Nowhere/Else"], 64),
        (["bank", "list", "nothing"], 64),
        (["bank", "stats", "--seed", "1"], 64),
        (["exam", "--results", "r.json", "--resume"], 0),
        (["class", "--players", "Ann", "--results", "r.json"], 0),
        (["class", "host", "--results", "r.json"], 0),
        (["progress"], 0),
        (["bank"], 0),
        (["help", "exam"], 0),
        (["--help"], 0),
        (["--version"], 0),
        (["quiz", "--help"], 0),
    ]

    @Test(arguments: exitCodeTable)
    func exitCodes(arguments: [String], expected: Int32) {
        #expect(status(arguments) == expected, "\(arguments)")
    }

    @Test func examDefaultsAndConflicts() throws {
        let exam = try parse(["exam"], as: ExamCommand.self)
        #expect(exam.count == 20 && exam.minutes == nil && exam.warnAt == "10,5,1" && exam.passMark == 70)
        #expect(try exam.warnings() == [600, 300, 60])
        #expect(!exam.resume && !exam.noRecord)
    }

    @Test func examOptions() throws {
        let exam = try parse(
            [
                "exam", "--count", "65", "--time", "1h30m", "--warn-at", "30s,5", "--seed", "4",
                "--pass-mark", "80",
                "--results", "r.json", "--resume", "--no-record", "--service", "ec2", "--learner", "ann",
            ],
            as: ExamCommand.self)
        #expect(exam.count == 65 && exam.time == "1h30m" && exam.seed == 4 && exam.passMark == 80)
        #expect(try exam.warnings() == [30, 300])
        #expect(exam.results.file == "r.json" && exam.resume && exam.noRecord)
        #expect(exam.filterOptions.filter.services == ["ec2"] && exam.learnerOptions.learner == "ann")
        #expect(try parse(["exam", "--minutes", "7.5"], as: ExamCommand.self).minutes == 7.5)
    }

    @Test func cramDefaultsAndOptions() throws {
        let cram = try parse(["cram"], as: CramCommand.self)
        #expect(cram.count == nil && cram.session.filterOptions.isEmpty && !cram.session.display.noColor)
        let limited = try parse(
            ["cram", "--count", "5", "--topic", "patching", "--learner", "kim"], as: CramCommand.self)
        #expect(limited.count == 5 && limited.session.filterOptions.filter.topics == ["patching"])
        #expect(limited.session.learnerOptions.learner == "kim")
    }

    @Test func printDefaultsAndOptions() throws {
        let sheet = try parse(["print"], as: PrintCommand.self)
        #expect(sheet.count == 20 && sheet.seed == nil && sheet.format == .markdown)
        #expect(sheet.output == nil && !sheet.answerKey && sheet.filterOptions.isEmpty)
        let html = try parse(
            [
                "print", "--count", "5", "--seed", "3", "--format", "html", "--output", "s.html",
                "--answer-key",
            ],
            as: PrintCommand.self)
        #expect(
            html.count == 5 && html.seed == 3 && html.format == .html && html.output == "s.html"
                && html.answerKey)
    }

    @Test func exportDefaultsAndOptions() throws {
        let export = try parse(["export", "--format", "csv"], as: ExportCommand.self)
        #expect(export.format == .csv && export.seed == 0 && export.output == nil)
        #expect(export.deck == AnkiExporter.defaultDeck && export.filterOptions.isEmpty)
        let anki = try parse(
            [
                "export", "--format", "anki", "-o", "srm.txt", "--deck", "SRM", "--seed", "9", "--owner",
                "shared",
            ],
            as: ExportCommand.self)
        #expect(anki.format == .anki && anki.output == "srm.txt" && anki.deck == "SRM" && anki.seed == 9)
        #expect(anki.filterOptions.filter.owners == ["shared"])
    }

    @Test func importDefaultsAndOptions() throws {
        let plain = try parse(
            ["import", "--format", "aiken", "q.txt", "-o", "bank.yaml"], as: ImportCommand.self)
        #expect(plain.format == .aiken && plain.file == "q.txt" && plain.output == "bank.yaml")
        #expect(!plain.force && !plain.json && plain.source == ImportAssembler.defaultSource)
        let all = try parse(
            [
                "import", "--format", "gift", "-", "--output", "b.yaml", "--force", "--json",
                "--source", "https://example.com/doc",
            ],
            as: ImportCommand.self)
        #expect(all.file == "-" && all.force && all.json && all.source == "https://example.com/doc")
    }

    @Test func reportDefaultsAndOptions() throws {
        let report = try parse(["report"], as: ReportCommand.self)
        #expect(report.files.isEmpty && report.format == .text && report.output == nil)
        #expect(report.tables.isEmpty && report.outputDir == nil && !report.readiness)
        #expect(report.examDate == nil && report.target == 80 && report.learnerOptions.learner == nil)
        let csv = try parse(
            [
                "report", "a.json", "b.json", "--format", "csv", "--table", "students", "--table", "items",
                "--output-dir", "out",
            ],
            as: ReportCommand.self)
        #expect(
            csv.files == ["a.json", "b.json"] && csv.tables == ["students", "items"] && csv.outputDir == "out"
        )
        let readiness = try parse(
            ["report", "--readiness", "--exam-date", "2026-03-31", "--target", "90", "--learner", "ann"],
            as: ReportCommand.self)
        #expect(readiness.readiness && readiness.examDate == "2026-03-31" && readiness.target == 90)
    }

    @Test func bankSubcommands() throws {
        let list = try parse(["bank", "list"], as: BankListCommand.self)
        #expect(
            list.what == .items && list.kind.isEmpty && list.service.isEmpty && list.seed == 0 && !list.json)
        let facts = try parse(
            ["bank", "list", "facts", "--kind", "owner", "--service", "ec2", "--seed", "4", "--json"],
            as: BankListCommand.self)
        #expect(facts.what == .facts && facts.kind == [.owner] && facts.service == ["ec2"])
        #expect(facts.seed == 4 && facts.json)
        #expect(try !parse(["bank", "stats"], as: BankStatsCommand.self).json)
        #expect(
            try parse(["bank", "stats", "--json", "--no-bundled", "--bank", "b"], as: BankStatsCommand.self)
                .json)
        let validate = try parse(
            ["bank", "validate", "a.yaml", "more/", "--json"], as: BankValidateCommand.self)
        #expect(validate.paths == ["a.yaml", "more/"] && validate.json)
        #expect(try parse(["bank", "validate"], as: BankValidateCommand.self).paths.isEmpty)
        _ = try parse(["intro", "--no-bundled", "--bank", "b.yaml"], as: IntroCommand.self)
    }

    @Test func classHostDefaultsAndOptions() throws {
        let host = try parse(["class", "host"], as: ClassHostCommand.self)
        #expect(host.count == 10 && host.seed == nil && host.timer == 20 && host.port == 8765)
        #expect(host.bind == "0.0.0.0" && host.maxPlayers == 200 && host.pin == nil)
        #expect(host.autoAdvance == nil && host.startWhen == nil && host.results.file == nil)
        let set = try parse(
            [
                "class", "host", "--count", "5", "--seed", "2", "--timer", "30", "--port", "0", "--bind",
                "127.0.0.1",
                "--max-players", "40", "--pin", "1357", "--auto-advance", "3", "--start-when", "4",
                "--results", "room.json",
            ],
            as: ClassHostCommand.self)
        #expect(
            set.count == 5 && set.seed == 2 && set.timer == 30 && set.port == 0 && set.bind == "127.0.0.1")
        #expect(set.maxPlayers == 40 && set.pin == "1357" && set.autoAdvance == 3 && set.startWhen == 4)
        #expect(set.results.file == "room.json")
    }

    @Test func classLocalOptions() throws {
        let local = try parse(
            [
                "class", "--players", "Ann,Bo", "--count", "4", "--seed", "8", "--no-speed-bonus",
                "--results", "r.json",
            ],
            as: ClassLocalCommand.self)
        #expect(local.players == "Ann,Bo" && local.roster == nil && local.count == 4 && local.seed == 8)
        #expect(local.noSpeedBonus && local.timer == nil && local.results.file == "r.json")
        #expect(try parse(["class", "--players", "Ann"], as: ClassLocalCommand.self).results.file == nil)
    }

    @Test func classJoinDefaultsAndOptions() throws {
        let join = try parse(["class", "join", "192.168.1.20:8765"], as: ClassJoinCommand.self)
        #expect(join.address == "192.168.1.20:8765" && join.name == nil && join.pin == nil && !join.noRecord)
        let named = try parse(
            ["class", "join", "h:1", "--name", "Ann", "--pin", "1357", "--learner", "ann"],
            as: ClassJoinCommand.self)
        #expect(named.name == "Ann" && named.pin == "1357" && named.learnerOptions.learner == "ann")
        #expect(try parse(["class", "join", "h:1", "--no-record"], as: ClassJoinCommand.self).noRecord)
    }

    @Test func progressSubcommands() throws {
        let show = try parse(["progress", "show"], as: ProgressShowCommand.self)
        #expect(!show.json && show.learner.learner == nil && show.learner.progress == nil)
        let json = try parse(
            [
                "progress", "show", "--progress", "p.json", "--create", "--follow-symlinks", "--json",
                "--no-bundled",
            ],
            as: ProgressShowCommand.self)
        #expect(
            json.json && json.learner.progress == "p.json" && json.learner.create
                && json.learner.followSymlinks)
        #expect(json.bank.noBundled)
        #expect(
            try parse(["progress", "path", "--learner", "kim"], as: ProgressPathCommand.self).learner.learner
                == "kim")
        let rebuild = try parse(["progress", "rebuild"], as: ProgressRebuildCommand.self)
        #expect(rebuild.retention == nil && rebuild.scheduler == nil && !rebuild.json && !rebuild.skipDamaged)
        let set = try parse(
            ["progress", "rebuild", "--retention", "0.85", "--scheduler", "sm2", "--json", "--skip-damaged"],
            as: ProgressRebuildCommand.self)
        #expect(set.retention == 0.85 && set.scheduler == .sm2 && set.json && set.skipDamaged)
        #expect(try !parse(["progress", "restore"], as: ProgressRestoreCommand.self).force)
        #expect(try parse(["progress", "restore", "--force"], as: ProgressRestoreCommand.self).force)
        let replay = try parse(["progress", "replay", "r.csv"], as: ProgressReplayCommand.self)
        #expect(replay.revlog == "r.csv" && replay.retention == 0.9 && replay.scheduler == .fsrs)
        #expect(replay.dayStartsAt == StudyDay.defaultRolloverHour && replay.timeZone == nil)
        let sm2 = try parse(
            [
                "progress", "replay", "-", "--scheduler", "sm2", "--day-starts-at", "0", "--time-zone",
                "Asia/Tokyo",
                "--retention", "0.8",
            ],
            as: ProgressReplayCommand.self)
        #expect(
            sm2.revlog == "-" && sm2.dayStartsAt == 0 && sm2.timeZone == "Asia/Tokyo" && sm2.retention == 0.8)
    }

    @Test func classLocalModes() throws {
        let local = try parse(
            ["class", "--players", "Ann,Bo", "--turns", "--timer", "20"], as: ClassLocalCommand.self)
        #expect(local.mode == .turns && local.timer == 20 && local.count == 10)
        let together = try parse(["class", "local", "--roster", "r.txt"], as: ClassLocalCommand.self)
        #expect(together.mode == .together && together.roster == "r.txt")
    }

    @Test func libraryEnumsAreTheArguments() throws {
        #expect(
            try parse(["report", "--format", "html"], as: ReportCommand.self).format == ReportFormat.html)
        #expect(
            try parse(["print", "--format", "text"], as: PrintCommand.self).format == Worksheet.Format.text)
        #expect(
            try parse(["export", "--format", "gift"], as: ExportCommand.self).format == ExportFormat.gift)
        #expect(
            try parse(["progress", "replay", "-", "--scheduler", "sm2"], as: ProgressReplayCommand.self)
                .scheduler == .sm2)
    }

    @Test func suggestionsByEditDistance() {
        #expect(Suggestion.closest(to: "exma", in: ["study", "exam", "export"]) == "exam")
        #expect(Suggestion.closest(to: "ec3", in: ["ec2", "s3", "rds"]) == "ec2")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["ec2", "s3"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }
}
