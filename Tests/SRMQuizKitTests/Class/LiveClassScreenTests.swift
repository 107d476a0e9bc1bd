import Foundation
import SRMQuizKit
import Testing

@Suite struct LiveClassScreenTests {
    let t0 = Date(timeIntervalSince1970: 2_000_000)

    @Test func theProjectorShowsTheCountdownTheBarsAndTheScoreboard() throws {
        var c = LiveClass(
            settings: LiveClassSettings(pin: "1", timerSeconds: 20),
            items: [ExamFixture.single("q1", correct: 1), ExamFixture.single("q2")], seed: 1, createdAt: t0)
        try c.join(pin: "1", name: "Ann", token: "a", now: t0)
        try c.join(pin: "1", name: "Bo", token: "b", now: t0)
        try c.join(pin: "1", name: "Cy", token: "c", now: t0)
        #expect(LiveClassScreen.lobby(c) == "Lobby: 3 players joined: Ann, Bo, Cy")
        c.start(now: t0)
        try c.answer(token: "a", question: 1, letters: ["b"], now: t0.addingTimeInterval(3))
        #expect(LiveClassScreen.status(c, now: t0.addingTimeInterval(3.5)) == "[0:17] 1 of 3 answered")
        #expect(LiveClassScreen.question(c, now: t0).contains("b) Beta q1"))
        try c.answer(token: "b", question: 1, letters: ["b"], now: t0.addingTimeInterval(8))
        try c.answer(token: "c", question: 1, letters: ["a"], now: t0.addingTimeInterval(9))
        let results = LiveClassScreen.results(c)
        #expect(results.contains("✓ b) Beta q1"))
        #expect(results.contains("Answer: b) Beta q1"))
        #expect(results.contains("Because q1."))
        #expect(results.contains("  1. Ann  925\n  2. Bo  800\n  3. Cy  0"))
        let before = LiveClassScreen.ranks(c)
        c.advance(now: t0.addingTimeInterval(10))
        try c.answer(token: "c", question: 2, letters: ["a"], now: t0.addingTimeInterval(10))
        try c.answer(token: "a", question: 2, letters: ["b"], now: t0.addingTimeInterval(11))
        try c.answer(token: "b", question: 2, letters: ["b"], now: t0.addingTimeInterval(11))
        #expect(LiveClassScreen.scoreboard(c, previous: before).contains("Movers: Cy ↑2"))
        c.advance(now: t0.addingTimeInterval(12))
        let podium = LiveClassScreen.podium(c)
        #expect(podium.contains("  1. Cy  1000\n  2. Ann  925\n  3. Bo  800"))
        #expect(podium.contains("  1      2         3  b"))
    }
}
