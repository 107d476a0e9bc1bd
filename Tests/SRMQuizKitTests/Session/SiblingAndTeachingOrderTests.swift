import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// Siblings (items sharing a fact) kept apart in study, quiz, cram and exam, and the order in
/// which a new learner meets the bundled bank (issue #10).
@Suite struct SiblingAndTeachingOrderTests {
    static let bank: Bank = {
        do { return try BankLoader.load(paths: [CLI.bundledBank]) } catch { return Bank() }
    }()
    static let items = QuestionGenerator(bank: bank).generate(seed: 3)

    func session(
        _ mode: SessionMode, seed: UInt64, store: InMemoryReviewStore = InMemoryReviewStore(),
        count: Int? = nil
    )
        -> SessionEngine
    {
        SessionEngine(
            items: Self.items, store: store, scheduler: StubScheduler(),
            configuration: SessionConfiguration(
                mode: mode, count: count, seed: seed, calendar: SessionFixture.utc),
            clock: ManualClock())
    }

    /// The questions a session asks, in order, skipping each.
    func asked(_ engine: SessionEngine, upTo limit: Int = 400) throws -> [Item] {
        var out: [Item] = []
        while out.count < limit, let item = engine.next() {
            out.append(item)
            try engine.skip()
        }
        return out
    }

    func expectNoAdjacentSiblings(_ items: [Item], _ label: String) {
        for (a, b) in zip(items, items.dropFirst()) {
            #expect(!SiblingSpacing.areSiblings(a, b), "\(label): \(a.id) then its sibling \(b.id)")
        }
    }

    @Test func aNewLearnersFirstTwentyCardsComeInTeachingOrder() throws {
        for seed in UInt64(1)...5 {
            let items = QuestionGenerator(bank: Self.bank).generate(seed: seed)
            let queue = StudyQueueBuilder(newPerDay: 20, calendar: SessionFixture.utc).build(
                items: items, cards: [:], log: [], scheduler: StubScheduler(),
                now: Date(timeIntervalSince1970: 1_800_000_000))
            let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let first20 = queue.entries.compactMap { byID[$0.itemID] }
            #expect(first20.count == 20)
            for item in first20 {
                #expect(
                    [.owner, .ofOrIn].contains(item.kind),
                    "seed \(seed): \(item.id) is not an owner or OF-or-IN item")
                #expect(
                    item.values(of: "service").contains(where: TeachingOrder.coreServices.contains),
                    "seed \(seed): \(item.id) is not on a core service")
                #expect(item.teachingTier == .basics)
            }
            // No two siblings on the first day, and more than one core service.
            for (index, a) in first20.enumerated() {
                for b in first20[(index + 1)...] {
                    #expect(!SiblingSpacing.areSiblings(a, b), "\(a.id) / \(b.id)")
                }
            }
            #expect(Set(first20.flatMap { $0.values(of: "service") }).count >= 3)
        }
    }

    @Test func tiersOrderEveryKind() {
        let tiers = Dictionary(grouping: Self.items, by: \.teachingTier)
        #expect(tiers[.basics]?.allSatisfy { $0.kind == .owner || $0.kind == .ofOrIn } == true)
        #expect(
            tiers[.compound]?.allSatisfy { $0.id.hasPrefix("contrast-pair/") || $0.id.contains("/like/") }
                == true)
        #expect(Self.items.filter { $0.kind == .multipleChoice }.allSatisfy { $0.teachingTier == .choices })
    }

    @Test func studyShowsNoTwoSiblingsOnADay() throws {
        let engine = session(
            .study, seed: 1, store: InMemoryReviewStore(settings: SchedulerSettings(newPerDay: 200)))
        let asked = try asked(engine)
        #expect(asked.count >= 100)
        for (index, a) in asked.enumerated() {
            for b in asked[(index + 1)...] where SiblingSpacing.areSiblings(a, b) {
                Issue.record("study: \(a.id) and its sibling \(b.id) on the same day")
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func quizAndCramNeverPutSiblingsNextToEachOther(seed: UInt64) throws {
        expectNoAdjacentSiblings(try asked(session(.quiz, seed: seed)), "quiz seed \(seed)")
        expectNoAdjacentSiblings(try asked(session(.quiz, seed: seed, count: 40)), "quiz of 40, seed \(seed)")
        expectNoAdjacentSiblings(try asked(session(.cram, seed: seed)), "cram seed \(seed)")
    }

    @Test func aCramQuestionAnsweredWrongReturnsAwayFromItsSiblings() throws {
        let a = SessionFixture.owner("a", facts: ["f1"])
        let b = SessionFixture.owner("b", facts: ["f1"])
        let c = SessionFixture.owner("c", facts: ["f2"])
        let engine = SessionEngine(
            items: [a, b, c], store: InMemoryReviewStore(), scheduler: StubScheduler(),
            configuration: SessionConfiguration(mode: .cram, calendar: SessionFixture.utc),
            clock: ManualClock())
        var order: [String] = []
        while let item = engine.next(), order.count < 6 {
            order.append(item.id)
            try engine.answer(.selfRating(order.count == 1 ? .again : .good), duration: 1)
        }
        let items = order.compactMap { id in [a, b, c].first { $0.id == id } }
        expectNoAdjacentSiblings(items, "cram with a repeat: \(order)")
        #expect(order.count == 4)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func anExamAsksAtMostOneQuestionPerFactAndNoTrueFalse(seed: UInt64) {
        let exam = ExamSelector.select(from: Self.items, count: 65, seed: seed)
        #expect(exam.count == 65)
        var seen = Set<String>()
        for item in exam {
            #expect(item.kind != .trueFalse && item.kind != .flashcard, "\(item.id)")
            for fact in item.testedFacts {
                #expect(seen.insert(fact).inserted, "seed \(seed): fact \(fact) asked twice")
            }
        }
        expectNoAdjacentSiblings(exam, "exam seed \(seed)")
        let withTrueFalse = ExamSelector.select(
            from: Self.items.filter { $0.kind == .trueFalse }, count: 5, seed: seed, includeTrueFalse: true)
        #expect(withTrueFalse.count == 5)
    }

    @Test func aVeryLongSelectionRepeatsFactsOnlyAfterEveryFactIsUsed() {
        let long = ExamSelector.select(from: Self.items, count: 2000, seed: 9)
        let unique = ExamSelector.select(from: Self.items, count: 65, seed: 9)
        #expect(long.count > 400, "a long class quiz still gets its questions")
        #expect(unique.count == 65)
        #expect(!long.contains { $0.kind == .trueFalse })
    }

    @Test func theIntroIsOfferedOnlyOnAFirstStudySession() throws {
        #expect(session(.study, seed: 1).introOffer != nil)
        #expect(session(.quiz, seed: 1).introOffer == nil)
        let id = try #require(Self.items.first?.id)
        var card = Card.new(at: Date(timeIntervalSince1970: 0))
        card.phase = .review
        let seasoned = session(.study, seed: 1, store: InMemoryReviewStore(cards: [id: card]))
        #expect(seasoned.introOffer == nil)
        let text = IntroScreen.text(bank: Self.bank)
        for needle in [
            "OF the cloud", "IN the cloud", "Infrastructure", "Container", "Abstracted", "Inherited",
            "Shared", "Customer-specific", "https://aws.amazon.com/compliance/shared-responsibility-model/",
        ] {
            #expect(text.contains(needle), "the intro lacks \(needle)")
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 || $0.hasPrefix("https://") })
    }
}
