/// The `:` commands the REPL accepts.
public enum REPLCommand: String, Sendable, Hashable, CaseIterable {
    case help
    case skip
    case hint
    case explain
    case undo
    case stats
    case quit

    /// How the command is typed, e.g. `:help`.
    public var spelling: String { ":" + rawValue }

    /// A one-line description for `:help`.
    public var summary: String {
        switch self {
        case .help: "list these commands and how to answer"
        case .skip: "skip this question (not recorded)"
        case .hint: "remove one wrong option, or name the service's category"
        case .explain: "after answering: the full explanation and its sources"
        case .undo: "take back the last answer and ask it again"
        case .stats: "this session's numbers so far"
        case .quit: "save and leave with a summary (also Ctrl-D)"
        }
    }

    /// The command `word` names (without its colon): its full name, an unambiguous prefix, or
    /// `h`/`?` for help and `q` for quit. `nil` if none or ambiguous.
    public static func named(_ word: String) -> REPLCommand? {
        let word = word.lowercased()
        switch word {
        case "h", "?": return .help
        case "q", "exit": return .quit
        case "": return nil
        default: break
        }
        if let exact = REPLCommand(rawValue: word) { return exact }
        let matches = allCases.filter { $0.rawValue.hasPrefix(word) }
        return matches.count == 1 ? matches[0] : nil
    }
}
