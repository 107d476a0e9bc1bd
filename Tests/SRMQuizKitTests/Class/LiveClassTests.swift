import Foundation
import SRMQuizKit
import Testing

@Suite struct LiveClassTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)
    let items = [
        ExamFixture.single("q1", correct: 0), ExamFixture.single("q2", correct: 1), ExamFixture.multi("q3"),
    ]

    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    func tick(_ c: inout LiveClass, _ now: Date) -> Bool { c.tick(now: now) }

    func make(timer: Double = 20, max: Int = 200, auto: Double? = nil, startWhen: Int? = nil) -> LiveClass {
        LiveClass(
            settings: LiveClassSettings(
                pin: "4711", timerSeconds: timer, maxPlayers: max, autoAdvanceSeconds: auto,
                startWhen: startWhen),
            items: items, seed: 7, createdAt: t0)
    }

    /// A class with Ann, Bo and Cy joined (tokens ta, tb, tc) and started at 10 s.
    func started(timer: Double = 20) throws -> LiveClass {
        var c = make(timer: timer)
        for (name, token) in [("Ann", "ta"), ("Bo", "tb"), ("Cy", "tc")] {
            try c.join(pin: "4711", name: name, token: token, now: at(1))
        }
        c.start(now: at(10))
        return c
    }

    @Test func eachStudentIsTimedFromTheOpeningToTheirOwnAnswer() throws {
        var c = try started()
        try c.answer(token: "ta", question: 1, letters: ["a"], now: at(12))  // 2 s: 950
        try c.answer(token: "tb", question: 1, letters: ["a"], now: at(18))  // 8 s: 800
        #expect(c.answeredCount == 2)
        try c.answer(token: "tc", question: 1, letters: ["b"], now: at(19))  // wrong: 0
        #expect(c.phase == .reveal(index: 0, closedAt: at(19)))
        let record = try #require(c.records.first)
        #expect(record.responses.map(\.points) == [950, 800, 0])
        #expect(record.responses.map(\.timeMs) == [2000, 8000, 9000])
        #expect(c.standings.map(\.name) == ["Ann", "Bo", "Cy"])
        #expect(c.standings.map(\.rank) == [1, 2, 3])
    }

    @Test func theTimerClosesTheQuestionWithNobodyAnswering() throws {
        var c = try started()
        try c.answer(token: "ta", question: 1, letters: ["a"], now: at(15))
        #expect(c.deadline == at(30))
        #expect(!tick(&c, at(29.9)))
        #expect(tick(&c, at(30)))
        #expect(c.phase == .reveal(index: 0, closedAt: at(30)))
        let record = try #require(c.records.first)
        #expect(record.responses.map(\.answer) == [["a"], nil, nil])
        #expect(record.responses.map(\.points) == [875, 0, 0])
    }

    @Test func aLateAnswerIsRefusedAndMarkedLate() throws {
        var c = try started()
        // Arrives after the buzzer but before any tick: it closes the question itself.
        #expect(throws: LiveClassError.questionClosed(1)) {
            try c.answer(token: "tb", question: 1, letters: ["a"], now: at(31))
        }
        #expect(c.phase == .reveal(index: 0, closedAt: at(30)))
        #expect(c.records[0].responses.first { $0.player == "Bo" }?.late == true)
        #expect(throws: LiveClassError.questionClosed(1)) {
            try c.answer(token: "tc", question: 1, letters: ["a"], now: at(32))
        }
        #expect(c.records[0].responses.allSatisfy { $0.points == 0 })
    }

    @Test func aDuplicateAnswerCountsOnce() throws {
        var c = try started()
        try c.answer(token: "ta", question: 1, letters: ["b"], now: at(11))
        #expect(throws: LiveClassError.duplicateAnswer(1)) {
            try c.answer(token: "ta", question: 1, letters: ["a"], now: at(12))
        }
        c.advance(now: at(13))
        #expect(c.records[0].responses[0].answer == ["b"])
        #expect(throws: LiveClassError.duplicateAnswer(1)) {
            try c.answer(token: "ta", question: 1, letters: ["a"], now: at(14))
        }
    }

    @Test func unknownAndInvalidAnswersAreRefused() throws {
        var c = try started()
        #expect(throws: LiveClassError.unknownQuestion(2)) {
            try c.answer(token: "ta", question: 2, letters: ["a"], now: at(11))
        }
        #expect(throws: LiveClassError.unknownQuestion(99)) {
            try c.answer(token: "ta", question: 99, letters: ["a"], now: at(11))
        }
        #expect(throws: LiveClassError.invalidAnswer) {
            try c.answer(token: "ta", question: 1, letters: ["z"], now: at(11))
        }
        #expect(throws: LiveClassError.invalidAnswer) {
            try c.answer(token: "ta", question: 1, letters: [], now: at(11))
        }
        #expect(throws: LiveClassError.unknownToken) {
            try c.answer(token: "nobody", question: 1, letters: ["a"], now: at(11))
        }
        #expect(c.answeredCount == 0)
    }

    @Test func multipleResponseNeedsExactlyTheRightLetters() throws {
        var c = try started()
        c.advance(now: at(11))
        c.advance(now: at(12))
        c.advance(now: at(13))
        c.advance(now: at(20))  // q3 opens at 20
        #expect(c.phase == .open(index: 2, openedAt: at(20)))
        try c.answer(token: "ta", question: 3, letters: ["c", "a"], now: at(20))
        try c.answer(token: "tb", question: 3, letters: ["a"], now: at(20))
        try c.answer(token: "tc", question: 3, letters: ["A", "C", "D"], now: at(20))
        #expect(c.records.last?.responses.map(\.points) == [1000, 0, 0])
        c.advance(now: at(21))
        #expect(c.phase == .finished)
    }

    @Test func aStudentWhoLeftNeitherStallsTheQuestionNorLosesTheirScore() throws {
        var c = try started()
        try c.answer(token: "tc", question: 1, letters: ["a"], now: at(10))
        c.advance(now: at(11))
        c.advance(now: at(12))  // q2 opens
        c.disconnect(token: "tc", now: at(13))
        try c.answer(token: "ta", question: 2, letters: ["b"], now: at(14))
        try c.answer(token: "tb", question: 2, letters: ["b"], now: at(16))
        #expect(c.phase == .reveal(index: 1, closedAt: at(16)))
        #expect(c.players.first { $0.name == "Cy" }?.score == 1000)
        // Cy comes back with the token, and is expected again.
        let cy = try c.rejoin(token: "tc", now: at(17))
        #expect(cy.name == "Cy" && cy.connected)
        #expect(throws: LiveClassError.unknownToken) { try c.rejoin(token: "forged", now: at(17)) }
    }

    @Test func pauseStopsTheClockAndSkipDropsTheQuestion() throws {
        var c = try started()
        c.togglePause(now: at(15))  // 5 s used
        #expect(c.deadline == nil)
        #expect(c.remaining(now: at(100)) == 15)
        #expect(throws: LiveClassError.paused) {
            try c.answer(token: "ta", question: 1, letters: ["a"], now: at(100))
        }
        c.togglePause(now: at(200))
        #expect(c.phase == .open(index: 0, openedAt: at(195)))
        try c.answer(token: "ta", question: 1, letters: ["a"], now: at(205))  // 10 s counted: 750
        c.skip(now: at(206))
        #expect(c.phase == .open(index: 1, openedAt: at(206)))
        #expect(c.records.isEmpty)
        #expect(throws: LiveClassError.questionClosed(1)) {
            try c.answer(token: "tb", question: 1, letters: ["a"], now: at(207))
        }
        c.end(now: at(208))
        #expect(c.phase == .finished)
        let result = c.result(finishedAt: at(208), bankFiles: ["b.yaml"])
        #expect(result.questions.isEmpty)
        #expect(result.players == ["Ann", "Bo", "Cy"])
    }

    @Test func pausedAnswerTimeExcludesThePause() throws {
        var c = try started()
        c.togglePause(now: at(15))
        c.togglePause(now: at(200))
        try c.answer(token: "ta", question: 1, letters: ["a"], now: at(205))
        c.advance(now: at(206))
        #expect(c.records[0].responses[0].timeMs == 10_000)
        #expect(c.records[0].responses[0].points == 750)
    }

    @Test func removingAPlayerKeepsTheirPastAnswersAndLetsTheQuestionClose() throws {
        var c = try started()
        try c.answer(token: "ta", question: 1, letters: ["a"], now: at(10))
        try c.answer(token: "tb", question: 1, letters: ["a"], now: at(10))
        let removed = c.remove(name: "cy", now: at(11))
        #expect(removed)
        #expect(c.phase == .reveal(index: 0, closedAt: at(11)))
        #expect(c.records[0].responses.map(\.player) == ["Ann", "Bo"])
        #expect(throws: LiveClassError.removed) { try c.rejoin(token: "tc", now: at(12)) }
        #expect(c.standings.map(\.name) == ["Ann", "Bo"])
        #expect(throws: LiveClassError.nameTaken("CY")) {
            try c.join(pin: "4711", name: "CY", token: "tx", now: at(12))
        }
    }

    @Test(arguments: [
        ("", LiveClassError.nameEmpty), ("   ", .nameEmpty),
        (String(repeating: "x", count: 31), .nameTooLong(limit: 30)),
        ("Ann\u{1B}[2J", .nameInvalid), ("A\u{202E}nn", .nameInvalid), ("A\nB", .nameInvalid),
        ("ann", .nameTaken("ann")),
    ])
    func badNamesAreRefusedWithTheReason(name: String, error: LiveClassError) throws {
        var c = make()
        try c.join(pin: "4711", name: "Ann", token: "ta", now: at(1))
        #expect(throws: error) { try c.join(pin: "4711", name: name, token: "tx", now: at(2)) }
        #expect(c.players.count == 1)
    }

    @Test func joinChecksTheCodeAndTheLimitAndTrimsTheName() throws {
        var c = make(max: 2)
        #expect(throws: LiveClassError.wrongPin) {
            try c.join(pin: "1234", name: "Ann", token: "ta", now: at(1))
        }
        let ann = try c.join(pin: "4711", name: "  Ann Lee  ", token: "ta", now: at(1))
        #expect(ann.name == "Ann Lee")
        try c.join(pin: "4711", name: "Zoë <b>", token: "tb", now: at(1))
        #expect(throws: LiveClassError.sessionFull(limit: 2)) {
            try c.join(pin: "4711", name: "Cy", token: "tc", now: at(1))
        }
    }

    @Test func startWhenAndAutoAdvanceRunTheClassWithNobodyAtTheKeys() throws {
        var c = make(timer: 10, auto: 3, startWhen: 2)
        try c.join(pin: "4711", name: "Ann", token: "ta", now: at(1))
        #expect(c.phase == .lobby)
        try c.join(pin: "4711", name: "Bo", token: "tb", now: at(2))
        #expect(c.phase == .open(index: 0, openedAt: at(2)))
        #expect(tick(&c, at(12)))
        #expect(tick(&c, at(15)))
        #expect(c.phase == .open(index: 1, openedAt: at(15)))
        #expect(tick(&c, at(25)))
        #expect(tick(&c, at(28)))
        #expect(tick(&c, at(38)))
        #expect(tick(&c, at(41)))
        #expect(c.phase == .finished)
        #expect(c.records.count == 3)
        #expect(throws: LiveClassError.sessionFinished) {
            try c.join(pin: "4711", name: "Cy", token: "tc", now: at(42))
        }
        let result = c.result(finishedAt: at(42), bankFiles: [])
        #expect(result.startedAt == at(2))
        #expect(result.totals == [0, 0])
        #expect(result.speedBonus && result.mode == .together)
    }

    @Test func repeatedWrongCodesFromOneAddressAreSlowedDown() {
        var throttle = JoinThrottle()
        for n in 0..<3 {
            #expect(throttle.delay(for: "10.0.0.5", now: at(Double(n))) == 0)
            throttle.recordFailure(from: "10.0.0.5", now: at(Double(n)))
        }
        #expect(throttle.delay(for: "10.0.0.5", now: at(3)) == 0.5)
        throttle.recordFailure(from: "10.0.0.5", now: at(3))
        #expect(throttle.delay(for: "10.0.0.5", now: at(4)) == 1)
        #expect(throttle.delay(for: "10.0.0.6", now: at(4)) == 0)
        for n in 0..<20 { throttle.recordFailure(from: "10.0.0.5", now: at(5 + Double(n))) }
        #expect(throttle.delay(for: "10.0.0.5", now: at(30)) == JoinThrottle.maximumDelay)
        #expect(throttle.delay(for: "10.0.0.5", now: at(30 + JoinThrottle.window)) == 0)
        throttle.recordSuccess(from: "10.0.0.5")
        #expect(throttle.delay(for: "10.0.0.5", now: at(31)) == 0)
    }
}
