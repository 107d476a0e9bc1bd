/// What a line typed at the REPL means, as decided by ``AnswerParser``.
package enum ParsedInput: Sendable, Hashable {
    /// An answer: the chosen options, by index into ``Item/choices``.
    case choices(Set<Int>)
    /// A flashcard rated 1–4.
    case rating(Rating)
    /// Enter on a flashcard's front: show the back.
    case reveal
    /// An owner typed on a flashcard's front (`aws`, `cust`, `shared`): show the back and grade
    /// it (``SessionEngine/grade(typed:on:)``).
    case typedAnswer(Owner)
    /// A `:` command of the session's mode, with its argument (``SessionCommand/parse(_:in:)``).
    case command(SessionCommand, argument: String?)
    /// A blank line where an answer was expected.
    case empty
    /// Neither an answer nor a command; the text reminds the learner what is accepted.
    case unrecognised(String)
}
