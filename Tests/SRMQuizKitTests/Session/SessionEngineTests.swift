import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

@Suite struct SessionEngineTests {
    func engine(
        _ items: [Item], store: InMemoryReviewStore = InMemoryReviewStore(),
        clock: ManualClock = ManualClock(),
        _ configuration: SessionConfiguration = SessionConfiguration(calendar: SessionFixture.utc)
    ) -> SessionEngine {
        SessionEngine(
            items: items, store: store, scheduler: StubScheduler(), configuration: configuration, clock: clock
        )
    }

    @Test func answersAreRecordedBeforeTheNextQuestion() throws {
        let store = InMemoryReviewStore()
        let session = engine([SessionFixture.owner("a"), SessionFixture.owner("b")], store: store)
        let first = try #require(session.next())
        let result = try session.answer(.choices([1]), duration: 8)
        #expect(result.correct == true)
        #expect(result.rating == .good)
        #expect(store.log.map(\.itemID) == [first.id])
        #expect(store.log.first?.answer == "b")
        #expect(store.log.first?.durationMs == 8000)
        #expect(store.log.first?.mode == "study")
        #expect(store.cards[first.id]?.phase == .review)
    }

    @Test func wrongAnswersComeBackWhenTheLearningStepIsDue() throws {
        let clock = ManualClock()
        let session = engine([SessionFixture.owner("a")], clock: clock)
        _ = try #require(session.next())
        try session.answer(.choices([0]), duration: 3)
        #expect(session.learningPending == 1)
        #expect(session.next()?.id == "a")  // learn-ahead: nothing else left
        try session.answer(.choices([1]), duration: 3)
        #expect(session.next() == nil)
    }

    @Test func undoRestoresTheCardTheLogAndTheQueue() throws {
        let store = InMemoryReviewStore()
        let session = engine([SessionFixture.owner("a"), SessionFixture.owner("b")], store: store)
        let first = try #require(session.next())
        try session.answer(.choices([1]), duration: 8)
        let second = try #require(session.next())
        #expect(second.id != first.id)
        let again = try session.undo()
        #expect(again?.id == first.id)
        #expect(store.log.isEmpty)
        #expect(store.cards[first.id] == nil)
        #expect(session.stats.answered == 0)
        #expect(session.next()?.id == first.id)
        try session.answer(.choices([1]), duration: 8)
        #expect(session.next()?.id == second.id)
    }

    @Test func aFailedSaveRecordsNothingAndKeepsTheQuestion() throws {
        let store = InMemoryReviewStore()
        let session = engine([SessionFixture.owner("a")], store: store)
        _ = session.next()
        store.failNextRecord = true
        #expect(throws: SessionError.self) { try session.answer(.choices([1]), duration: 8) }
        #expect(store.log.isEmpty)
        #expect(session.stats.answered == 0)
        #expect(session.current?.itemID == "a")
    }

    @Test func quizIsSeededFilteredAndCanLeaveTheScheduleAlone() throws {
        let items = (1...20).map { SessionFixture.owner("i\($0)", service: $0 % 2 == 0 ? "s3" : "ec2") }
        let config = SessionConfiguration(
            mode: .quiz, count: 5, seed: 7, filter: ItemFilter(services: ["s3"]), record: false)
        let a = engine(items, config)
        let b = engine(items, config)
        var seen: [String] = []
        while let item = a.next() {
            #expect(item.values(of: "service") == ["s3"])
            seen.append(item.id)
            try a.answer(.choices([1]), duration: 5)
        }
        var again: [String] = []
        while let item = b.next() {
            again.append(item.id)
            try b.skip()
        }
        #expect(seen.count == 5)
        #expect(seen == again)
    }

    @Test func quizRecordsIntoTheScheduleByDefault() throws {
        let store = InMemoryReviewStore()
        let session = engine(
            [SessionFixture.owner("a")], store: store, SessionConfiguration(mode: .quiz, count: 1, seed: 1))
        _ = session.next()
        try session.answer(.choices([1]), duration: 5)
        #expect(store.log.first?.mode == "quiz")
    }

    @Test func cramIsHardestFirstAndNeverRecords() throws {
        let now = ManualClock().now()
        let store = InMemoryReviewStore(cards: [
            "weak": Card(phase: .review, due: now.addingTimeInterval(-50 * 86_400), reps: 3, lapses: 1),
            "strong": Card(phase: .review, due: now.addingTimeInterval(86_400), reps: 3),
            "lapsed": Card(phase: .review, due: now.addingTimeInterval(86_400), reps: 9, lapses: 4),
        ])
        let items = ["new", "strong", "lapsed", "weak"].map { SessionFixture.owner($0) }
        let session = engine(items, store: store, SessionConfiguration(mode: .cram))
        var order: [String] = []
        while let item = session.next() {
            order.append(item.id)
            try session.answer(.choices([order.count == 1 ? 0 : 1]), duration: 5)  // miss the first once
        }
        #expect(order == ["weak", "lapsed", "strong", "new", "weak"])
        #expect(store.log.isEmpty)
    }

    @Test func flashcardsUseTheLearnersRating() throws {
        let store = InMemoryReviewStore()
        let session = engine([SessionFixture.flashcard], store: store)
        _ = session.next()
        let result = try session.answer(.selfRating(.hard), duration: 30)
        #expect(result.correct == nil)
        #expect(store.log.first?.rating == .hard)
        #expect(store.log.first?.correct == nil)
    }

    @Test func limitStopsTheSession() throws {
        let items = (1...5).map { SessionFixture.owner("i\($0)") }
        let session = engine(items, SessionConfiguration(limit: 2, calendar: SessionFixture.utc))
        var count = 0
        while session.next() != nil {
            try session.answer(.choices([1]), duration: 5)
            count += 1
        }
        #expect(count == 2)
    }

    @Test func statsTallyByOwnerServiceAndKind() throws {
        let session = engine([
            SessionFixture.owner("a"), SessionFixture.owner("b", answer: "AWS", service: "s3"),
        ])
        var missedB = false
        while let item = session.next() {
            let wrongOnce = item.id == "b" && !missedB
            if wrongOnce { missedB = true }
            try session.answer(.choices([item.id == "a" ? 1 : wrongOnce ? 2 : 0]), duration: 8)
        }
        let stats = session.stats
        #expect(stats.answered == 3 && stats.correct == 2)
        #expect(stats.byOwner["customer"] == Accuracy(graded: 1, correct: 1))
        #expect(stats.byOwner["aws"] == Accuracy(graded: 2, correct: 1))
        #expect(stats.byService["s3"]?.graded == 2)
        #expect(stats.byKind["owner"] == Accuracy(graded: 3, correct: 2))
        #expect(stats.missed == ["b"])
    }
}
