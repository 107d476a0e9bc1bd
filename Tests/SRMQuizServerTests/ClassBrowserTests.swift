import Foundation
import SRMQuizKit
import SRMQuizServer
import Testing

/// A real browser (Debian's headless chromium through chromedriver) joins a class from the
/// student page, answers two questions by clicking, and sees right and wrong.
@Suite struct ClassBrowserTests {
    @Test(.enabled(if: WebDriver.isAvailable, "needs Debian's chromium and chromium-driver"))
    func aBrowserStudentJoinsAnswersTwoQuestionsAndSeesRightThenWrong() async throws {
        let server = try await TestClass.start(startWhen: 2)
        defer { server.stop() }
        let other = TestSocket(port: server.port)
        defer { other.close() }
        other.send(.join(pin: "1357", name: "Ann"))
        _ = try await other.waitFor(type: "welcome")

        let browser = try await WebDriver()
        do {
            try await browser.open("http://127.0.0.1:\(server.port)/")
            try await browser.type("1357", into: "input[name=pin]")
            try await browser.type("<b>Dana</b>", into: "input[name=name]")
            try await browser.click("button[type=submit]")
            // Question 1 (the answer is b): the browser answers right, then Ann.
            try await browser.waitForText("Question 1 of 3", in: "#q-number")
            #expect(try await browser.text(of: "#prompt") == "Question 1?")
            try await browser.click("button[data-choice=b]")
            try await browser.waitForText("Answer received", in: "#received")
            other.send(.answer(question: 1, choices: ["a"]))
            #expect(try await browser.waitForAttribute("data-state", of: "#feedback") == "right")
            #expect(try await browser.text(of: "#score").contains("rank 1 of 2"))
            // Question 2 (the answer is c): the browser picks a.
            await server.hub.advance()
            try await browser.waitForText("Question 2 of 3", in: "#q-number")
            try await browser.click("button[data-choice=a]")
            other.send(.answer(question: 2, choices: ["c"]))
            try await browser.waitForText("Wrong", in: "#feedback")
            #expect(try await browser.attribute("data-state", of: "#feedback") == "wrong")
            // The name was shown as text, never as markup.
            let state = await server.hub.state
            #expect(state.players.map(\.name) == ["Ann", "<b>Dana</b>"])
            #expect(state.records.count == 2)
            #expect(state.records[0].responses[1].correct && !state.records[1].responses[1].correct)
            await browser.quit()
        } catch {
            await browser.quit()
            throw error
        }
    }
}
