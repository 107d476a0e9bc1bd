import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// A scheduler that counts reps and lapses and puts the card a day out.
struct CountingScheduler: Scheduler {
    var kind: SchedulerKind { .fsrs }
    func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator) -> Card {
        var next = card
        next.reps += 1
        if rating == .again { next.lapses += 1 }
        next.lastReview = now
        next.due = now.addingTimeInterval(86400)
        return next
    }
    func retrievability(of card: Card, at now: Date) -> Double { 1 }
}

@Suite struct ReviewRecorderTests {
    @Test func answeredQuestionsAreRatedGoodOrAgainAndUnansweredSkipped() throws {
        let items = [ExamFixture.single("q1"), ExamFixture.single("q2"), ExamFixture.single("q3")]
        var session = ExamSession(
            items: items, configuration: ExamConfiguration(count: 3, minutes: 5, seed: 1),
            startedAt: Date(timeIntervalSince1970: 0))
        session.show(0, at: Date(timeIntervalSince1970: 0))
        session.answer(ChoiceAnswer(letters: ["a"]), at: Date(timeIntervalSince1970: 10))
        session.show(1, at: Date(timeIntervalSince1970: 10))
        session.answer(ChoiceAnswer(letters: ["b"]), at: Date(timeIntervalSince1970: 20))
        let result = session.result(
            finishedAt: Date(timeIntervalSince1970: 30), timedOut: false, bankFiles: [])
        let store = InMemoryReviewStore()
        let recorded = try ReviewRecorder(store: store, scheduler: CountingScheduler()).record(result)
        #expect(recorded == 2)
        #expect(store.log.map(\.itemID) == ["q1", "q2"])
        #expect(store.log.map(\.rating) == [.good, .again])
        #expect(store.log.map(\.mode) == ["exam", "exam"])
        // q2 stayed on screen from 10 s until the finish at 30 s.
        #expect(store.log.map(\.durationMs) == [10000, 20000])
        #expect(store.cards["q2"]?.lapses == 1)
        #expect(store.cards["q3"] == nil)
    }

    @Test func theStoresOwnSchedulerSchedulesTheCards() throws {
        let item = ExamFixture.single("q1")
        var session = ExamSession(
            items: [item], configuration: ExamConfiguration(count: 1, minutes: 5, seed: 1),
            startedAt: Date(timeIntervalSince1970: 0))
        session.answer(ChoiceAnswer(letters: ["a"]), at: Date(timeIntervalSince1970: 1))
        let result = session.result(
            finishedAt: Date(timeIntervalSince1970: 2), timedOut: false, bankFiles: [])
        let store = InMemoryReviewStore()
        try ReviewRecorder(store: store).record(result)
        let card = try #require(store.cards["q1"])
        #expect(card.reps == 1)
        #expect(card.due > result.finishedAt)
    }

    @Test func answersAfterTheDeadlineAreRefused() {
        var session = ExamSession(
            items: [ExamFixture.single("q1")],
            configuration: ExamConfiguration(count: 1, minutes: 1, seed: 1),
            startedAt: Date(timeIntervalSince1970: 0))
        let accepted = session.answer(ChoiceAnswer(letters: ["a"]), at: Date(timeIntervalSince1970: 60))
        #expect(!accepted)
        #expect(session.answers == [nil])
        #expect(session.secondsLeft(at: Date(timeIntervalSince1970: 59.5)) == 0)
        #expect(session.secondsLeft(at: Date(timeIntervalSince1970: 0)) == 60)
    }
}
