import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// `srmquiz class local` (and plain `srmquiz class`): a quiz for a room on one terminal, for a
/// room without a network.
struct ClassLocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run a quiz for a room on this one terminal: you type the players' answers.",
        discussion: """
            Together (the default), every player answers every question and you type their answers on \
            one line in roster order, e.g. `a c a` (letters together, `ac`, for several choices; - for \
            no answer). With --turns, each player answers their own question in turn and --count is \
            the number of questions per player. With --timer, the seconds left run in the prompt and \
            the question closes by itself at 0:00 (an answer typed after that is too late). In turns \
            mode, unless --no-speed-bonus, a correct answer scores round(1000 × (1 − (t/T)/2)); \
            together mode has no speed bonus (it would time your typing): 1000 for every right answer.
            """
                + HelpText.examples([
                    "srmquiz class --players \"Ann,Bo,Cy\" --count 10    Everyone, every question.",
                    "srmquiz class --roster room.txt --turns --timer 30    In turns, 30 s each.",
                    "srmquiz class --players \"Ann,Bo\" --service s3 --seed 7",
                ])
    )

    enum Mode: String, EnumerableFlag {
        case together, turns
        static func help(for value: Mode) -> ArgumentHelp? {
            switch value {
            case .together: "Every player answers every question (default)."
            case .turns: "Each player answers their own question in turn."
            }
        }
    }

    @Option(help: ArgumentHelp("The players, comma-separated: \"Ann,Bo,Cy\".", valueName: "names"))
    var players: String?

    @Option(help: ArgumentHelp("A file with one player per line (# starts a comment).", valueName: "file"))
    var roster: String?

    @Option(parsing: .unconditional, help: "How many questions (with --turns: per player).")
    var count = 10

    @Option(help: "The seed that chooses the questions (the same quiz for everyone; default: random).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Seconds per question.", valueName: "seconds"))
    var timer: Double?

    @Flag(name: .customLong("no-speed-bonus"), help: "A correct answer within the timer always scores 1000.")
    var noSpeedBonus = false

    @Flag var mode: Mode = .together

    @OptionGroup var results: ResultsOptions

    @OptionGroup var filterOptions: FilterOptions

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard (players == nil) != (roster == nil) else {
            throw ValidationError("give either --players or --roster")
        }
        try OptionCheck.count(count)
        // A bad roster is a bad command line (exit 64), found before any bank is read.
        if let players {
            do {
                _ = try Roster.parse(list: players)
            } catch {
                throw ValidationError(error.description)
            }
        }
        try OptionCheck.timer(timer)
    }

    @MainActor
    func run() async throws {
        let names: [String]
        do {
            if let players {
                names = try Roster.parse(list: players).players
            } else if let roster {
                guard let text = try? String(contentsOfFile: roster, encoding: .utf8) else {
                    throw CLIOutput.fail("\(roster): cannot read the roster file")
                }
                names = try Roster.parse(file: text, path: roster).players
            } else {
                names = []
            }
        } catch let error as RosterError {
            throw CLIOutput.fail(error.description)
        }
        let bank = try CLIOutput.loadBank(bankOptions)
        let seed = self.seed ?? ResultsOutput.randomSeed()
        let total = mode == .turns ? count * names.count : count
        let items = try filterOptions.choiceQuestions(from: bank, count: total, seed: seed)
        let terminal = TerminalInput.terminal()
        let runner = ClassRunner(
            items: items, players: names, mode: mode == .turns ? .turns : .together, timerSeconds: timer,
            speedBonus: !noSpeedBonus, seed: seed, bankFiles: bank.files, terminal: terminal,
            clock: SystemClock())
        let result = runner.run()
        terminal.finish()
        let path = try ResultsOutput.save(result, to: results.file, prefix: "class", at: result.startedAt)
        CLIOutput.print("\nResults saved to \(path)")
    }
}
