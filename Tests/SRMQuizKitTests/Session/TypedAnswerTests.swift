import Foundation
import SRMQuizKit
import SRMQuizTerminal
import SRMQuizTestSupport
import Testing

/// Typing `aws`, `customer` or `shared` on a flashcard's front, as Anki's "type in the answer"
/// (issue #10).
@Suite struct TypedAnswerTests {
    let card = Item(
        id: "card/x", kind: .flashcard, prompt: "Amazon RDS: patching the engine — AWS, customer or shared?",
        choices: [], answers: ["AWS in the usual exam answer (shared by the documentation)."],
        explanation: "",
        tags: ["kind:flashcard", "service:rds", "owner:aws", "accepts:shared"], sources: [])
    let summary = Item(
        id: "card/service/rds", kind: .flashcard, prompt: "Amazon RDS: how does responsibility split?",
        choices: [], answers: ["AWS runs the OS."], explanation: "", tags: ["kind:flashcard"], sources: [])

    @Test(arguments: [
        ("aws", Owner.aws), ("AWS", .aws), ("a", .aws), ("cust", .customer), ("the customer", .customer),
        ("Customer", .customer), ("sh", .shared), ("shared", .shared),
    ])
    func anOwnerOrAPrefixIsATypedAnswer(typed: String, owner: Owner) {
        #expect(AnswerParser(item: card).parse(typed) == .typedAnswer(owner))
    }

    @Test func enterStillRevealsAndOtherTextIsExplained() {
        let parser = AnswerParser(item: card)
        #expect(parser.parse("") == .reveal)
        #expect(parser.parse("maybe") == .unrecognised(parser.reminder))
        #expect(parser.reminder.contains("type aws, customer or shared"))
        // A card that does not ask who owns something takes no typed owner.
        #expect(AnswerParser(item: summary).parse("aws") != .typedAnswer(.aws))
    }

    @Test func aTypedAnswerIsGradedAndEnterAcceptsTheProposedRating() {
        let right = SessionEngine.grade(typed: .aws, on: card)
        #expect(right.correct && right.rating == .good)
        let documented = SessionEngine.grade(typed: .shared, on: card)
        #expect(documented.correct, "the documentation's owner counts as right")
        let wrong = SessionEngine.grade(typed: .customer, on: card)
        #expect(!wrong.correct && wrong.rating == .again)
        #expect(wrong.message.contains("Enter accepts"))
        let parser = AnswerParser(item: card)
        #expect(parser.parse("", backShown: true, proposed: wrong.rating) == .rating(.again))
        #expect(parser.parse("3", backShown: true, proposed: wrong.rating) == .rating(.good))
        #expect(parser.parse("", backShown: true) != .rating(.good))
    }

    @Test func theREPLGradesATypedAnswerAndRecordsTheAcceptedRating() throws {
        let store = InMemoryReviewStore()
        let engine = SessionEngine(
            items: [card], store: store, scheduler: StubScheduler(),
            configuration: SessionConfiguration(calendar: SessionFixture.utc), clock: ManualClock())
        let clock = ManualClock()
        let terminal = ScriptedTerminal(lines: ["cust", ""], every: 8, clock: clock)
        try REPL(engine: engine, terminal: terminal, clock: clock).run()
        #expect(terminal.transcript.contains("Not quite: you typed Customer."))
        #expect(store.log.map(\.rating) == [.again])
    }
}
