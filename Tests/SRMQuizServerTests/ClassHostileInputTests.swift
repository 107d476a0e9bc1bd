import Foundation
import SRMQuizKit
import SRMQuizServer
import Testing

/// A classroom network is not a trusted one: every bad join, answer and message gets its
/// documented error (docs/class-protocol.md), and the class goes on for everyone else.
@Suite struct ClassHostileInputTests {
    @Test func aWrongCodeIsRefusedAndRepeatedOnesAreSlowedDown() async throws {
        let server = try await TestClass.start()
        defer { server.stop() }
        let socket = TestSocket(port: server.port)
        defer { socket.close() }
        for n in 1...3 {
            socket.send(.join(pin: "0000", name: "Eve"))
            let error = try await socket.waitFor(type: "error", number: n)
            #expect(error.code == "wrong-pin")
            #expect(error.message?.contains("wrong join code") == true)
            #expect((error.retryAfterMs != nil) == (n == 3))
        }
        let sent = Date()
        socket.send(.join(pin: "0000", name: "Eve"))
        let fourth = try await socket.waitFor(type: "error", number: 4)
        #expect(fourth.code == "wrong-pin")
        #expect(Date().timeIntervalSince(sent) >= JoinThrottle.baseDelay * 0.9)
        #expect(fourth.retryAfterMs == Int(JoinThrottle.baseDelay * 2 * 1000))
        // The right code still works (after its wait) on the same connection.
        socket.send(.join(pin: "1357", name: "Eve"))
        let welcome = try await socket.waitFor(type: "welcome")
        #expect(welcome.name == "Eve")
    }

    @Test(arguments: [
        ("", "name-empty"), (String(repeating: "n", count: 31), "name-too-long"),
        ("Eve\u{1B}]0;pwned\u{07}", "name-invalid"), ("<b>\u{200B}</b>", "name-invalid"),
        ("ann", "name-taken"),
    ])
    func badNamesAreRefusedWithTheReason(name: String, code: String) async throws {
        let server = try await TestClass.start()
        defer { server.stop() }
        let ann = TestSocket(port: server.port)
        defer { ann.close() }
        ann.send(.join(pin: "1357", name: "Ann"))
        _ = try await ann.waitFor(type: "welcome")
        let socket = TestSocket(port: server.port)
        defer { socket.close() }
        socket.send(.join(pin: "1357", name: name))
        let error = try await socket.waitFor(type: "error")
        #expect(error.code == code)
        #expect(error.message?.isEmpty == false)
        // The connection stays usable: a good name joins.
        socket.send(.join(pin: "1357", name: "Bo"))
        #expect(try await socket.waitFor(type: "welcome").name == "Bo")
        #expect(await server.hub.state.players.map(\.name) == ["Ann", "Bo"])
    }

    @Test func duplicateLateAndUnknownAnswersAreRefusedAndCountOnce() async throws {
        let server = try await TestClass.start()
        defer { server.stop() }
        let ann = TestSocket(port: server.port)
        let bo = TestSocket(port: server.port)
        defer {
            ann.close()
            bo.close()
        }
        ann.send(.join(pin: "1357", name: "Ann"))
        _ = try await ann.waitFor(type: "welcome")
        bo.send(.join(pin: "1357", name: "Bo"))  // after Ann, so the roster is Ann, Bo
        _ = try await bo.waitFor(type: "welcome")
        ann.send(.answer(question: 1, choices: ["a"]))
        #expect(try await ann.waitFor(type: "error").code == "unknown-question")
        await server.hub.advance()
        _ = try await ann.waitFor(type: "question")
        ann.send(.answer(question: 1, choices: ["b"]))
        _ = try await ann.waitFor(type: "ack")
        ann.send(.answer(question: 1, choices: ["a"]))
        #expect(try await ann.waitFor(type: "error", number: 2).code == "duplicate-answer")
        ann.send(.answer(question: 2, choices: ["a"]))
        #expect(try await ann.waitFor(type: "error", number: 3).code == "unknown-question")
        bo.send(.answer(question: 1, choices: ["q"]))
        #expect(try await bo.waitFor(type: "error").code == "invalid-answer")
        await server.hub.advance()  // closes question 1; Bo never answered
        _ = try await bo.waitFor(type: "results")
        bo.send(.answer(question: 1, choices: ["b"]))
        #expect(try await bo.waitFor(type: "error", number: 2).code == "question-closed")
        let state = await server.hub.state
        #expect(state.records[0].responses.map(\.answer) == [["b"], nil])
        #expect(state.records[0].responses[1].late)
        #expect(state.players.map(\.score) == [state.records[0].responses[0].points, 0])
    }

    @Test func malformedAndOversizedMessagesCloseOnlyThatClient() async throws {
        let server = try await TestClass.start(startWhen: 1)
        defer { server.stop() }
        let ann = TestSocket(port: server.port)
        defer { ann.close() }
        ann.send(.join(pin: "1357", name: "Ann"))
        _ = try await ann.waitFor(type: "question")

        let garbage = TestSocket(port: server.port)
        defer { garbage.close() }
        garbage.send("{not json")
        #expect(try await garbage.waitFor(type: "error").code == "malformed")
        #expect(try await garbage.waitForClose() == Int(ClassProtocol.CloseCode.malformed))

        let unknown = TestSocket(port: server.port)
        defer { unknown.close() }
        unknown.send(#"{"type":"become-host"}"#)
        #expect(try await unknown.waitFor(type: "error").code == "unknown-type")
        #expect(try await unknown.waitForClose() == Int(ClassProtocol.CloseCode.malformed))

        let big = TestSocket(port: server.port)
        defer { big.close() }
        big.send(#"{"type":"join","pin":"1357","name":""# + String(repeating: "x", count: 5000) + #""}"#)
        #expect(try await big.waitForClose() == Int(ClassProtocol.CloseCode.tooLarge))
        #expect(await server.hub.state.players.count == 1)

        // Ann's class goes on.
        ann.send(.answer(question: 1, choices: ["b"]))
        let results = try await ann.waitFor(type: "results")
        #expect(results.state == "right")
        #expect(results.points ?? 0 > 500)
    }

    @Test func aStudentWhoReconnectsWithTheTokenKeepsTheirScoreAndCannotAnswerTwice() async throws {
        let server = try await TestClass.start(startWhen: 2)
        defer { server.stop() }
        let ann = TestSocket(port: server.port)
        let bo = TestSocket(port: server.port)
        defer { bo.close() }
        ann.send(.join(pin: "1357", name: "Ann"))
        let token = try #require(try await ann.waitFor(type: "welcome").token)
        bo.send(.join(pin: "1357", name: "Bo"))
        _ = try await ann.waitFor(type: "question")
        ann.send(.answer(question: 1, choices: ["b"]))
        _ = try await ann.waitFor(type: "ack")
        ann.close()  // the Wi-Fi drops
        try await Task.sleep(nanoseconds: 200_000_000)
        let again = TestSocket(port: server.port)
        defer { again.close() }
        again.send(.rejoin(token: token))
        #expect(try await again.waitFor(type: "welcome").name == "Ann")
        #expect(try await again.waitFor(type: "question").question == 1)
        #expect(try await again.waitFor(type: "ack").answer == ["b"])
        again.send(.answer(question: 1, choices: ["b"]))  // resent after the reconnect
        #expect(try await again.waitFor(type: "error").code == "duplicate-answer")
        bo.send(.answer(question: 1, choices: ["a"]))
        let results = try await again.waitFor(type: "results")
        #expect(results.state == "right")
        #expect(results.rank == 1)
        let forged = TestSocket(port: server.port)
        defer { forged.close() }
        forged.send(.rejoin(token: "0123456789abcdef"))
        #expect(try await forged.waitFor(type: "error").code == "unknown-token")
    }

    @Test func theTimerClosesAQuestionWithNobodyAnsweringAndALeaverDoesNotStallIt() async throws {
        let server = try await TestClass.start(timer: 1, startWhen: 2)
        defer { server.stop() }
        let ann = TestSocket(port: server.port)
        let bo = TestSocket(port: server.port)
        defer { ann.close() }
        ann.send(.join(pin: "1357", name: "Ann"))
        bo.send(.join(pin: "1357", name: "Bo"))
        _ = try await ann.waitFor(type: "question")
        bo.close()
        let results = try await ann.waitFor(type: "results", timeout: 30)
        #expect(results.state == "none")
        #expect(await server.hub.state.records.count == 1)
    }
}
