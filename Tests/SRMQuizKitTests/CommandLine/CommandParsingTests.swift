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
        #expect(study.filterOptions.isEmpty && study.bankOptions.banks.isEmpty && !study.bankOptions.noBundled)
        #expect(study.learnerOptions.learner == nil && !study.display.noColor)
    }

    @Test func studyOptions() throws {
        let study = try parse(
            ["study", "--new", "5", "--limit", "30", "--scheduler", "sm2", "--day-starts-at", "6",
             "--exam-date", "2026-03-31", "--service", "ec2,s3", "--learner", "ann", "--no-color"],
            as: StudyCommand.self)
        #expect(study.newPerDay == 5 && study.limit == 30 && study.scheduler == .sm2 && study.dayStartsAt == 6)
        #expect(study.filterOptions.filter.services == ["ec2", "s3"])
        #expect(study.learnerOptions.learner == "ann" && study.display.noColor)
    }

    @Test func quizDefaultsAndFilters() throws {
        let quiz = try parse(["quiz"], as: QuizCommand.self)
        #expect(quiz.count == 10 && quiz.seed == nil && !quiz.noRecord)
        let filtered = try parse(
            ["quiz", "--count", "3", "--seed", "7", "--owner", "aws", "--kind", "owner", "--tag", "x",
             "--topic", "patching", "--no-record", "--bank", "b.yaml", "--no-bundled"],
            as: QuizCommand.self)
        #expect(filtered.count == 3 && filtered.seed == 7 && filtered.noRecord)
        #expect(
            filtered.filterOptions.filter
                == ItemFilter(owners: ["aws"], kinds: ["owner"], topics: ["patching"], tags: ["x"]))
        #expect(filtered.bankOptions.banks == ["b.yaml"] && filtered.bankOptions.noBundled)
    }

    /// The one filter set is accepted by every command that selects questions.
    @Test(arguments: [["study"], ["quiz"], ["cram"], ["exam"], ["class"], ["class", "host"], ["print"],
                      ["export", "--format", "csv"]])
    func everySelectingCommandTakesTheFilterSet(command: [String]) {
        let filters = ["--service", "ec2", "--owner", "aws", "--kind", "owner", "--tag", "t", "--topic", "p",
                       "--bank", "x.yaml", "--no-bundled"]
        let players = command == ["class"] ? ["--players", "Ann"] : []
        #expect(status(command + players + filters) == 0)
    }

    /// `--no-color` is accepted by every command.
    @Test(arguments: [
        ["study"], ["quiz"], ["cram"], ["exam"], ["class", "--players", "Ann"], ["class", "host"],
        ["class", "join", "h:1"], ["report"], ["print"], ["export", "--format", "json"],
        ["import", "--format", "gift", "f", "-o", "o.yaml"], ["intro"], ["bank", "validate"], ["bank", "list"],
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

    @Test func classLocalModes() throws {
        let local = try parse(["class", "--players", "Ann,Bo", "--turns", "--timer", "20"], as: ClassLocalCommand.self)
        #expect(local.mode == .turns && local.timer == 20 && local.count == 10)
        let together = try parse(["class", "local", "--roster", "r.txt"], as: ClassLocalCommand.self)
        #expect(together.mode == .together && together.roster == "r.txt")
    }

    @Test func libraryEnumsAreTheArguments() throws {
        #expect(try parse(["report", "--format", "html"], as: ReportCommand.self).format == ReportFormat.html)
        #expect(try parse(["print", "--format", "text"], as: PrintCommand.self).format == Worksheet.Format.text)
        #expect(try parse(["export", "--format", "gift"], as: ExportCommand.self).format == ExportFormat.gift)
        #expect(try parse(["progress", "replay", "-", "--scheduler", "sm2"], as: ProgressReplayCommand.self).scheduler == .sm2)
    }

    @Test func suggestionsByEditDistance() {
        #expect(Suggestion.closest(to: "exma", in: ["study", "exam", "export"]) == "exam")
        #expect(Suggestion.closest(to: "ec3", in: ["ec2", "s3", "rds"]) == "ec2")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["ec2", "s3"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }
}
