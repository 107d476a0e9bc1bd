/// Where a `:` command is typed: the kind of session on the terminal.
package enum CommandMode: String, Sendable, Hashable, CaseIterable {
    /// `study`, `quiz` and `cram` (the REPL).
    case study
    /// A timed mock exam.
    case exam
    /// A class quiz on one terminal.
    case `class`

    /// How a message names the mode: "a study session", "an exam", "a class quiz".
    package var sessionName: String {
        switch self {
        case .study: "a study session"
        case .exam: "an exam"
        case .class: "a class quiz"
        }
    }
}
