/// The `:` commands of every session, and the modes each works in.
///
/// This one table drives how a command line is read (``parse(_:in:)``), the `:help` list
/// (``helpList(in:)``) and Tab completion (``completions(in:)``) in study, exam and class sessions
/// alike.
///
/// A command is typed by its name, an unambiguous prefix among the mode's commands (`:s` is
/// `:submit` in an exam, ambiguous in study), or `:h`/`:?` for help and `:q`/`:exit` for quit.
/// A command that exists but not in the current mode says so instead of "unknown".
package enum SessionCommand: String, Sendable, Hashable, CaseIterable {
    case help
    case skip
    case hint
    case explain
    case undo
    case stats
    case quit
    case flag
    case review
    case goto
    case next
    case prev
    case submit

    /// The modes the command works in.
    package var modes: Set<CommandMode> {
        switch self {
        case .help: [.study, .exam, .class]
        case .skip, .hint, .explain, .undo, .stats: [.study]
        case .quit: [.study, .class]
        case .flag, .review, .goto, .next, .prev, .submit: [.exam]
        }
    }

    /// How the command is typed, e.g., `:help`.
    package var spelling: String { ":" + rawValue }

    /// The spelling with its argument, e.g., `:goto N`.
    package var usage: String { self == .goto ? ":goto N" : spelling }

    /// Whether the command takes an argument (`:goto N`); the others take none.
    package var takesArgument: Bool { self == .goto }

    /// A one-line description for `:help` in `mode`.
    package func summary(in mode: CommandMode) -> String {
        switch self {
        case .help: "list these commands and how to answer"
        case .skip: "skip this question (not recorded)"
        case .hint: "remove one wrong option, or name the service's category"
        case .explain: "after answering: the full explanation and its sources"
        case .undo: "take back the last answer and ask it again"
        case .stats: "this session's numbers so far"
        case .quit:
            mode == .class
                ? "stop the class early and show the scores" : "save and leave with a summary (also Ctrl-D)"
        case .flag: "flag this question (again to remove the flag)"
        case .review: "list flagged and unanswered questions"
        case .goto: "go to question N (to change an answer)"
        case .next: "the next question without answering (Enter too)"
        case .prev: "the previous question"
        case .submit: "end the exam and see your score"
        }
    }

    /// Short names that are not prefixes: `h` and `?` for help, `q` and `exit` for quit.
    static let aliases: [String: SessionCommand] = ["h": .help, "?": .help, "q": .quit, "exit": .quit]

    /// The commands of `mode`, in table order.
    package static func commands(in mode: CommandMode) -> [SessionCommand] {
        allCases.filter { $0.modes.contains(mode) }
    }

    /// What Tab completes to after a colon in `mode`.
    package static func completions(in mode: CommandMode) -> [String] {
        commands(in: mode).map(\.spelling)
    }

    /// The `:help` list for `mode`: one indented line per command, ending in a newline.
    package static func helpList(in mode: CommandMode) -> String {
        commands(in: mode).map {
            "  " + $0.usage.padding(toLength: 11, withPad: " ", startingAt: 0) + $0.summary(in: mode) + "\n"
        }.joined()
    }

    /// What a line starting with `:` asks for.
    package enum Parsed: Sendable, Hashable {
        /// A command of the mode, with its argument (only `:goto` has one).
        case command(SessionCommand, argument: String?)
        /// Not a command of the mode (unknown, ambiguous, from another mode, or with an argument
        /// it does not take); the message says why and lists the mode's commands.
        case rejected(String)
    }

    /// Reads `line` (a `:` and a command, any case, spaces around it allowed) as a command of
    /// `mode`; `nil` when the line does not start with `:`.
    package static func parse(_ line: String, in mode: CommandMode) -> Parsed? {
        let text = line.trimmingWhitespace()
        guard text.hasPrefix(":") else { return nil }
        let words = text.dropFirst().split(whereSeparator: { $0 == " " || $0 == "\t" })
        let word = words.first.map { $0.lowercased() } ?? ""
        let argument = words.count > 1 ? words.dropFirst().joined(separator: " ") : nil
        let here = commands(in: mode)
        let list = "Commands here: " + here.map(\.spelling).joined(separator: " ")
        let shown = ":" + TerminalText.sanitize(String((words.first ?? "").prefix(30)))

        var found: SessionCommand? = aliases[word] ?? SessionCommand(rawValue: word)
        if found == nil, !word.isEmpty {
            let local = here.filter { $0.rawValue.hasPrefix(word) }
            if local.count > 1 {
                let names = local.map(\.spelling)
                return .rejected(
                    ":\(word) could be \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""). \(list)"
                )
            }
            let global = allCases.filter { $0.rawValue.hasPrefix(word) }
            found = local.first ?? (global.count == 1 ? global[0] : nil)
        }
        guard let command = found else {
            return .rejected("Unknown command \(shown). \(list)")
        }
        guard command.modes.contains(mode) else {
            return .rejected("\(command.spelling) is not available in \(mode.sessionName). \(list)")
        }
        if argument != nil, !command.takesArgument {
            return .rejected("\(command.spelling) takes nothing after it. \(list)")
        }
        return .command(command, argument: argument)
    }
}
