import Foundation
import SRMQuizKit
import SRMQuizServer
import Testing

/// The terminal student's side of the protocol, as values: what is printed and sent for each event.
@Suite struct ClassStudentFlowTests {
    func question(_ n: Int) -> ServerMessage {
        var m = ServerMessage(type: "question")
        m.question = n
        m.total = 3
        m.prompt = "Who patches \u{1B}[31mthe guest OS?"
        m.choices = ["AWS", "The customer", "Both"]
        m.pick = 1
        m.remaining = 20
        return m
    }

    @Test func asksForTheCodeAndNameThenAnswersByLetterNumberOrText() {
        var flow = ClassStudentFlow(pin: nil, name: nil)
        #expect(flow.handle(.connected) == [.prompt("Join code: ")])
        #expect(flow.handle(.line(" 4711 ")) == [.prompt("Your name: ")])
        #expect(flow.handle(.line("Ann")) == [.prompt(""), .send(.join(pin: "4711", name: "Ann"))])
        var welcome = ServerMessage(type: "welcome")
        welcome.token = "t"
        welcome.name = "Ann"
        _ = flow.handle(.message(welcome))
        let shown = flow.handle(.message(question(1)))
        guard case .print(let text) = shown.first else {
            Issue.record("no question printed")
            return
        }
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("  b) The customer"))
        #expect(
            flow.handle(.line("x")).contains(
                .print("Type a letter from a to c, a number, or a choice's text.")))
        #expect(flow.handle(.line("the customer")).contains(.send(.answer(question: 1, choices: ["b"]))))
        _ = flow.handle(.message(question(2)))
        #expect(flow.handle(.line("3")).contains(.send(.answer(question: 2, choices: ["c"]))))
    }

    @Test func pipedAnswersWaitForTheirQuestion() {
        var flow = ClassStudentFlow(pin: "1", name: "Bo")
        _ = flow.handle(.connected)
        _ = flow.handle(.line("a"))  // typed before the question opened
        let actions = flow.handle(.message(question(1)))
        #expect(actions.contains(.send(.answer(question: 1, choices: ["a"]))))
    }

    @Test func aRefusedCodeFromTheCommandLineEndsWithStatusOne() {
        var flow = ClassStudentFlow(pin: "0000", name: "Bo")
        _ = flow.handle(.connected)
        let actions = flow.handle(.message(.error("wrong-pin", "wrong join code")))
        #expect(actions.last == .finish(exitCode: 1))
    }

    @Test func resultsAreRecordedOnlyForAnsweredQuestions() {
        var flow = ClassStudentFlow(pin: "1", name: "Bo")
        var results = ServerMessage(type: "results")
        results.id = "item-1"
        results.state = "right"
        results.answer = ["b"]
        results.elapsedMs = 1500
        results.correct = ["b"]
        results.choices = ["x", "y"]
        #expect(
            flow.handle(.message(results)).contains(
                .record(itemID: "item-1", correct: true, answer: ["b"], timeMs: 1500)))
        results.state = "none"
        results.answer = nil
        #expect(!flow.handle(.message(results)).contains { if case .record = $0 { true } else { false } })
    }

    @Test func aClosedConnectionEndsTheSessionWithItsReason() {
        var flow = ClassStudentFlow(pin: "1", name: "Bo")
        let actions = flow.handle(.closed(code: 1001, reason: "host stopped"))
        #expect(actions == [.print("The host closed the class (host stopped)."), .finish(exitCode: 1)])
    }
}
