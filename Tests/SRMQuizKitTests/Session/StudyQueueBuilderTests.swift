import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

@Suite struct StudyQueueBuilderTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let builder = StudyQueueBuilder(newPerDay: 2, calendar: SessionFixture.utc)

    func review(dueDaysAgo: Double, lapses: Int = 0) -> Card {
        Card(
            phase: .review, stability: 5, due: now.addingTimeInterval(-dueDaysAgo * 86_400),
            lastReview: now.addingTimeInterval(-30 * 86_400), reps: 3, lapses: lapses)
    }

    @Test func dueReviewsComeFirstLowestRetrievabilityFirstThenNewInterleaved() {
        let items = ["r1", "r2", "r3", "n1", "n2", "n3", "later"].map { SessionFixture.owner($0) }
        let cards = [
            "r1": review(dueDaysAgo: 1), "r2": review(dueDaysAgo: 10), "r3": review(dueDaysAgo: 5),
            "later": review(dueDaysAgo: -3),
        ]
        let queue = builder.build(items: items, cards: cards, log: [], scheduler: StubScheduler(), now: now)
        #expect(queue.entries.map(\.itemID) == ["r2", "n1", "r3", "n2", "r1"])
        #expect(queue.dueCount == 3)
        #expect(queue.newCount == 2)
    }

    @Test func anExamDateRanksReviewsByRecallOnThatDay() throws {
        // "old": stability 30, last seen 30 days ago; "fresh": stability 2, seen yesterday. Today
        // "old" is the weaker; by an exam 30 days away "fresh" will be forgotten first.
        let items = ["old", "fresh"].map { SessionFixture.owner($0) }
        let cards = [
            "old": Card(
                phase: .review, stability: 30, difficulty: 5, due: now,
                lastReview: now.addingTimeInterval(-30 * 86_400),
                reps: 3),
            "fresh": Card(
                phase: .review, stability: 2, difficulty: 5, due: now,
                lastReview: now.addingTimeInterval(-86_400),
                reps: 3),
        ]
        let scheduler = try FSRSScheduler(fuzz: false)
        let today = builder.build(items: items, cards: cards, log: [], scheduler: scheduler, now: now)
        #expect(today.entries.map(\.itemID) == ["old", "fresh"])
        var beforeExam = builder
        beforeExam.examDate = now.addingTimeInterval(30 * 86_400)
        let ranked = beforeExam.build(items: items, cards: cards, log: [], scheduler: scheduler, now: now)
        #expect(ranked.entries.map(\.itemID) == ["fresh", "old"])
    }

    @Test func newItemsIntroducedTodayCountAgainstTheDailyLimit() {
        let items = ["old", "n1", "n2", "n3"].map { SessionFixture.owner($0) }
        var card = Card.new(at: now)
        card.phase = .review
        card.reps = 1
        card.due = now.addingTimeInterval(86_400)
        let log = [ReviewLogEntry(itemID: "old", time: now.addingTimeInterval(-60), rating: .good)]
        let queue = builder.build(
            items: items, cards: ["old": card], log: log, scheduler: StubScheduler(), now: now)
        #expect(queue.introducedToday == 1)
        #expect(queue.entries.map(\.itemID) == ["n1"])
    }

    @Test func siblingsOfAnItemReviewedTodayAreDeferredAndNewSiblingsAreNotIntroducedTogether() {
        let items = [
            SessionFixture.owner("done", facts: ["f1"]),
            SessionFixture.owner("sib-of-done", facts: ["f1", "f9"]),
            SessionFixture.owner("a", facts: ["f2"]), SessionFixture.owner("b", facts: ["f2"]),
            SessionFixture.owner("c", facts: ["f3"]),
        ]
        var doneCard = review(dueDaysAgo: -2)
        doneCard.reps = 5
        let log = [ReviewLogEntry(itemID: "done", time: now.addingTimeInterval(-600), rating: .good)]
        let cards = ["done": doneCard, "sib-of-done": review(dueDaysAgo: 2)]
        let queue = StudyQueueBuilder(newPerDay: 10, calendar: SessionFixture.utc).build(
            items: items, cards: cards, log: log, scheduler: StubScheduler(), now: now)
        #expect(queue.entries.map(\.itemID) == ["a", "c"])
        #expect(queue.deferredSiblings == 2)
    }

    @Test func learningCardsDueNowLeadAndLaterOnesWait() {
        let items = ["l-now", "l-later", "r"].map { SessionFixture.owner($0) }
        let cards = [
            "l-now": Card(phase: .learning, step: 0, due: now.addingTimeInterval(-5), reps: 1),
            "l-later": Card(
                phase: .relearning, step: 0, due: now.addingTimeInterval(300), reps: 4, lapses: 1),
            "r": review(dueDaysAgo: 1),
        ]
        let queue = builder.build(items: items, cards: cards, log: [], scheduler: StubScheduler(), now: now)
        #expect(queue.entries.map(\.itemID) == ["l-now", "r"])
        #expect(queue.learningLater.map(\.itemID) == ["l-later"])
    }

    @Test func limitCapsTheQueue() {
        let items = (1...10).map { SessionFixture.owner("n\($0)") }
        let queue = StudyQueueBuilder(newPerDay: 20, limit: 3, calendar: SessionFixture.utc).build(
            items: items, cards: [:], log: [], scheduler: StubScheduler(), now: now)
        #expect(queue.entries.count == 3)
    }

    @Test(arguments: [(4, 2), (0, 3), (3, 0), (1, 1)])
    func interleaveKeepsEveryEntryInOrder(reviews: Int, new: Int) {
        let r = (0..<reviews).map { QueueEntry(itemID: "r\($0)", reason: .review) }
        let n = (0..<new).map { QueueEntry(itemID: "n\($0)", reason: .new) }
        let merged = StudyQueueBuilder.interleave(reviews: r, new: n)
        #expect(merged.count == reviews + new)
        #expect(merged.filter { $0.reason == .review } == r)
        #expect(merged.filter { $0.reason == .new } == n)
        if reviews > new, new > 0 { #expect(merged.first?.reason == .review) }
    }
}

@Suite struct ResponseTimingTests {
    let timing = ResponseTiming()
    let item = SessionFixture.owner("x")

    @Test(arguments: [(1.0, Rating.easy), (8.0, .good), (60.0, .hard)])
    func rightAnswersAreRatedByTime(seconds: Double, rating: Rating) {
        #expect(timing.rating(for: item, correct: true, duration: seconds) == rating)
    }

    @Test func wrongIsAgainAndHintCapsAtHard() {
        #expect(timing.rating(for: item, correct: false, duration: 1) == .again)
        #expect(timing.rating(for: item, correct: true, duration: 1, hintUsed: true) == .hard)
    }

    @Test func longerPromptsGetMoreTime() {
        var long = item
        long.prompt = String(repeating: "word ", count: 100)
        #expect(timing.fastThreshold(for: long) > timing.fastThreshold(for: item))
        #expect(timing.rating(for: long, correct: true, duration: 20) == .good)
        #expect(timing.rating(for: item, correct: true, duration: 30) == .hard)
    }
}
