import Testing

@testable import SRMQuizKit

/// The one `:` command vocabulary of study, exam and class sessions.
@Suite struct CommandVocabularyTests {
    @Test func everyModeHasHelpAndTheTableSaysWhereEachCommandWorks() {
        #expect(SessionCommand.commands(in: .study) == [.help, .skip, .hint, .explain, .undo, .stats, .quit])
        #expect(SessionCommand.commands(in: .exam) == [.help, .flag, .review, .goto, .next, .prev, .submit])
        #expect(SessionCommand.commands(in: .class) == [.help, .quit])
        for command in SessionCommand.allCases { #expect(!command.modes.isEmpty, "\(command) is in no mode") }
    }

    @Test(arguments: [
        (":submit", CommandMode.exam, SessionCommand.submit, nil as String?),
        (":s", .exam, .submit, nil), (":f", .exam, .flag, nil), (":r", .exam, .review, nil),
        (":n", .exam, .next, nil), (":p", .exam, .prev, nil), (":h", .exam, .help, nil),
        (":goto 3", .exam, .goto, "3"), (":G 12", .exam, .goto, "12"), (":goto", .exam, .goto, nil),
        (":q", .class, .quit, nil), (":QUIT", .class, .quit, nil), (":?", .class, .help, nil),
        (" :st ", .study, .stats, nil), (":e", .study, .explain, nil), (":exit", .study, .quit, nil),
    ])
    func commandsAreReadByNamePrefixOrAlias(
        line: String, mode: CommandMode, command: SessionCommand, argument: String?
    ) {
        #expect(SessionCommand.parse(line, in: mode) == .command(command, argument: argument))
    }

    @Test(arguments: [
        (":skip", CommandMode.exam, ":skip is not available in an exam"),
        (":quit", .exam, ":quit is not available in an exam"),
        (":submit", .study, ":submit is not available in a study session"),
        (":goto 2", .study, ":goto is not available in a study session"),
        (":hint", .class, ":hint is not available in a class quiz"),
        (":flag", .class, ":flag is not available in a class quiz"),
        (":s", .study, ":s could be :skip or :stats"),
        (":frob", .exam, "Unknown command :frob"),
        (":", .study, "Unknown command :"),
        (":help me", .study, ":help takes nothing after it"),
    ])
    func otherLinesAreRejectedWithTheReasonAndTheModesCommands(line: String, mode: CommandMode, start: String)
    {
        guard case .rejected(let message)? = SessionCommand.parse(line, in: mode) else {
            Issue.record("\(line) in \(mode) was not rejected")
            return
        }
        #expect(message.hasPrefix(start), "\(message)")
        let here = SessionCommand.completions(in: mode).joined(separator: " ")
        #expect(message.hasSuffix("Commands here: " + here))
    }

    @Test func aLineWithoutAColonIsNoCommand() {
        #expect(SessionCommand.parse("a c", in: .exam) == nil)
    }

    @Test func helpAndCompletionListTheSameCommands() {
        for mode in CommandMode.allCases {
            let help = SessionCommand.helpList(in: mode)
            let listed = help.split(separator: "\n").map { $0.split(separator: " ")[0] }.map(String.init)
            #expect(listed == SessionCommand.completions(in: mode))
        }
        #expect(SessionCommand.helpList(in: .exam).contains(":goto N    go to question N"))
    }
}
