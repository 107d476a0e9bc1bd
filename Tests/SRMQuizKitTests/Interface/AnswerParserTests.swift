import SRMQuizKit
import Testing

@Suite struct AnswerParserTests {
    static let owner = SessionFixture.owner("x")
    static let scenario = Item(
        id: "s", kind: .scenario, prompt: "Who?",
        choices: ["AWS", "The customer", "Both equally", "Neither party"],
        answers: ["The customer"], explanation: "", tags: [], sources: [])

    @Test(arguments: [
        ("b", 1), ("B", 1), ("2", 1), ("customer", 1), ("Customer", 1), ("the customer", 1), ("CUST", 1),
        ("  a  ", 0), ("aws", 0), ("3", 2), ("shared", 2), ("sh", 2), ("c", 2),
    ])
    func singleAnswerForms(input: String, index: Int) {
        #expect(AnswerParser(item: Self.owner).parse(input) == .choices([index]))
    }

    @Test(arguments: [
        ("customer", 1), ("the customer", 1), ("both", 2), ("both equally", 2), ("neither", 3), ("party", 3),
        ("d", 3), ("4", 3),
    ])
    func optionTextWithArticlesAndWords(input: String, index: Int) {
        #expect(AnswerParser(item: Self.scenario).parse(input) == .choices([index]))
    }

    @Test(
        arguments: [
            ("a,c", [0, 2]), ("a, c", [0, 2]), ("a c", [0, 2]), ("ac", [0, 2]), ("CA", [0, 2]),
            ("1,3", [0, 2]), ("1 3", [0, 2]), ("patching, security group", [0, 2]), ("b,d", [1, 3]),
        ] as [(String, Set<Int>)])
    func multipleResponseForms(input: String, expected: Set<Int>) {
        #expect(AnswerParser(item: SessionFixture.multi).parse(input) == .choices(expected))
    }

    @Test(arguments: ["a", "a,b,c", "abc"])
    func multipleResponseWithTheWrongCountIsAReminder(input: String) {
        guard case .unrecognised(let text) = AnswerParser(item: SessionFixture.multi).parse(input) else {
            Issue.record("expected a reminder for \(input)")
            return
        }
        #expect(text.contains("Choose 2"))
    }

    @Test(arguments: [("t", 0), ("f", 1), ("true", 0), ("FALSE", 1), ("a", 0), ("b", 1), ("1", 0), ("2", 1)])
    func trueFalseForms(input: String, index: Int) {
        #expect(AnswerParser(item: SessionFixture.trueFalse).parse(input) == .choices([index]))
    }

    @Test(arguments: [
        ("of", 0), ("in", 1), ("aws", 0), ("customer", 1), ("security of", 0), ("security in", 1),
    ])
    func ofOrInByWord(input: String, index: Int) {
        #expect(AnswerParser(item: SessionFixture.ofOrIn).parse(input) == .choices([index]))
    }

    @Test(arguments: ["zzz", "e", "5", "0", "security", "a,z", "-1", "x y"])
    func nonsenseIsAReminderNotAnAnswer(input: String) {
        let parsed = AnswerParser(item: Self.owner).parse(input)
        guard case .unrecognised(let text) = parsed else {
            Issue.record("\(input) parsed as \(parsed)")
            return
        }
        #expect(text.contains("letter"))
    }

    @Test func blankLineIsEmpty() {
        #expect(AnswerParser(item: Self.owner).parse("   ") == .empty)
    }

    @Test(arguments: [
        (":help", SessionCommand.help), (":h", .help), (":?", .help), (":skip", .skip), (":sk", .skip),
        (":hint", .hint), (":hi", .hint), (":explain", .explain), (":e", .explain), (":undo", .undo),
        (":u", .undo), (":stats", .stats), (":st", .stats), (":quit", .quit), (":q", .quit),
        (": QUIT ", .quit),
    ])
    func commands(input: String, command: SessionCommand) {
        #expect(AnswerParser(item: Self.owner).parse(input) == .command(command, argument: nil))
        #expect(
            AnswerParser(item: SessionFixture.flashcard).parse(input, backShown: true)
                == .command(command, argument: nil))
    }

    @Test(arguments: [":s", ":nope", ":"])
    func unknownOrAmbiguousCommandsAreReminders(input: String) {
        guard case .unrecognised(let text) = AnswerParser(item: Self.owner).parse(input) else {
            Issue.record("expected a reminder")
            return
        }
        #expect(text.contains(":help"))
    }

    @Test func flashcardEnterRevealsThenRatingsAreRead() {
        let parser = AnswerParser(item: SessionFixture.flashcard)
        #expect(parser.parse("") == .reveal)
        #expect(parser.parse("3") != .rating(.good))  // back not shown yet
        #expect(parser.parse("1", backShown: true) == .rating(.again))
        #expect(parser.parse("4", backShown: true) == .rating(.easy))
        #expect(parser.parse("good", backShown: true) == .rating(.good))
        #expect(parser.parse("h", backShown: true) == .rating(.hard))
        if case .unrecognised = parser.parse("5", backShown: true) {} else { Issue.record("5 is no rating") }
    }

    @Test func completionsOfferLettersWordsAndCommands() {
        let words = AnswerParser(item: SessionFixture.ofOrIn).completions()
        #expect(words.starts(with: ["a", "b"]))
        for word in ["aws", "customer", "of", "in", "security", ":help", ":quit", ":undo"] {
            #expect(words.contains(word))
        }
        #expect(!words.contains("the"))
        let tf = AnswerParser(item: SessionFixture.trueFalse).completions()
        #expect(tf.contains("true") && tf.contains("false"))
        let card = AnswerParser(item: SessionFixture.flashcard)
        #expect(card.completions(backShown: true).starts(with: ["1", "2", "3", "4"]))
        #expect(!card.completions().contains("1"))
    }
}
