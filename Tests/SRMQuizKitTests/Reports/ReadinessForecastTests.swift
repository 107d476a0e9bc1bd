import Foundation
import SRMQuizKit
import Testing

/// The exam-readiness forecast, validated on synthetic learners whose true recall follows FSRS
/// (with stabilities the model does not know exactly) and whose first answers follow a per-kind
/// ability the forecast has to estimate.
@Suite struct ReadinessForecastTests {
    static let start = Date(timeIntervalSince1970: 1_750_000_000)
    static let kinds: [ItemKind] = [.multipleChoice, .trueFalse, .ofOrIn, .owner]

    /// 240 items over four kinds, six topics and three categories.
    static let items: [Item] = (0..<240).map { n in
        Item(
            id: "i\(n)", kind: kinds[n % 4], prompt: "Q\(n)?", choices: ["a", "b", "c"], answers: ["a"],
            explanation: "",
            tags: ["topic:t\(n % 6)", "category:\(["infrastructure", "container", "abstracted"][n % 3])"],
            sources: [])
    }

    /// The standard library's generator protocol over a ``SeededGenerator`` (which is deliberately
    /// not one): this test's synthetic learners only need some random numbers, not a stable order.
    struct StandardRandom: RandomNumberGenerator {
        var base: SeededGenerator
        mutating func next() -> UInt64 { base.next() }
    }

    /// A uniform double in `range`.
    static func uniform(_ range: ClosedRange<Double>, _ rng: inout SeededGenerator) -> Double {
        var standard = StandardRandom(base: rng)
        defer { rng = standard.base }
        return Double.random(in: range, using: &standard)
    }

    /// A uniform double in `0..<1`.
    static func unit(_ rng: inout SeededGenerator) -> Double {
        var standard = StandardRandom(base: rng)
        defer { rng = standard.base }
        return Double.random(in: 0..<1, using: &standard)
    }

    /// One synthetic learner: studies for some weeks, then sits the exam some days later.
    ///
    /// Returns the forecast and the share they actually got right (0–100).
    static func learner(seed: UInt64) throws -> (forecast: ReadinessForecast, actual: Double) {
        var rng = SeededGenerator(seed: seed)
        let scheduler = try FSRSScheduler(learningSteps: [], relearningSteps: [], fuzz: false)
        // The learner's truth: an ability per kind for first answers, and memory a factor stronger
        // or weaker than FSRS's default model thinks.
        var ability: [ItemKind: Double] = [:]
        for kind in kinds { ability[kind] = uniform(0.35...0.9, &rng) }
        let memory = uniform((1 / 1.25)...1.25, &rng)
        func trueRecall(_ card: Card, at date: Date) -> Double {
            var real = card
            real.stability = card.stability.map { $0 * memory }
            return scheduler.retrievability(of: real, at: date)
        }
        let studyDays = Int(uniform(7...40, &rng))
        let newPerDay = Int(uniform(2...9, &rng))
        var cards: [String: Card] = [:]
        var log: [ReviewLogEntry] = []
        var next = 0
        for day in 0..<studyDays {
            let now = start.addingTimeInterval(Double(day) * 86400)
            var today = cards.filter { $0.value.due <= now }.map(\.key).sorted()
            for _ in 0..<newPerDay where next < items.count {
                today.append(items[next].id)
                next += 1
            }
            for id in today {
                let item = items[Int(id.dropFirst())!]
                let card = cards[id] ?? Card.new(at: now)
                let p = card.lastReview == nil ? ability[item.kind]! : trueRecall(card, at: now)
                let correct = unit(&rng) < p
                cards[id] = scheduler.review(card, rating: correct ? .good : .again, at: now, rng: &rng)
                log.append(
                    ReviewLogEntry(itemID: id, time: now, rating: correct ? .good : .again, correct: correct))
            }
        }
        let now = start.addingTimeInterval(Double(studyDays) * 86400)
        let exam = now.addingTimeInterval(Double(Int(uniform(0...30, &rng))) * 86400)
        var right = 0
        for item in items {
            let p = cards[item.id].map { trueRecall($0, at: exam) } ?? ability[item.kind]!
            if unit(&rng) < p { right += 1 }
        }
        let forecast = ReadinessForecast.make(
            items: items, cards: cards, log: log, now: now, examDate: exam, scheduler: scheduler)
        return (forecast, 100 * Double(right) / Double(items.count))
    }

    @Test func theScoreLandsInTheBandForAtLeastNinetyPercentOfLearners() throws {
        var inside = 0
        var widths: [Double] = []
        let learners = 200
        for seed in 1...UInt64(learners) {
            let (forecast, actual) = try Self.learner(seed: seed)
            if forecast.low <= actual, actual <= forecast.high { inside += 1 }
            widths.append(forecast.high - forecast.low)
        }
        #expect(Double(inside) / Double(learners) >= 0.9, "\(inside) of \(learners) inside the band")
        // A band wide enough to hold anything would pass trivially: it must stay useful.
        let meanWidth = widths.reduce(0, +) / Double(widths.count)
        #expect(meanWidth < 25, "mean band width \(meanWidth) points")
    }

    @Test func groupsHoldingBackAndReviewsPerDay() throws {
        let (forecast, _) = try Self.learner(seed: 42)
        #expect(forecast.items == 240)
        #expect(forecast.byCategory.map(\.name) == ["Abstracted", "Container", "Infrastructure"])
        #expect(forecast.byTopic.count == 6)
        #expect(forecast.holdingBack.count == ReadinessForecast.holdingBackLimit)
        let lost = forecast.holdingBack.map(\.lost)
        #expect(lost == lost.sorted(by: >), "the costliest topic first")
        #expect(
            abs(forecast.byTopic.reduce(0) { $0 + $1.lost } - 240 * (1 - forecast.predicted / 100)) < 1e-6)
        #expect(forecast.low <= forecast.predicted && forecast.predicted <= forecast.high)
    }

    @Test(arguments: [
        // (recalls, target, days, expected reviews a day)
        ([0.9, 0.9], 0.8, 10, 0), ([0.5, 0.5, 0.9, 0.9], 0.8, 2, 2), ([0.1, 0.1], 0.95, 5, nil),
    ])
    func reviewsPerDayToReachTheTarget(recalls: [Double], target: Double, days: Int, expected: Int?) throws {
        // Two reviews for each seen item raised to 90%: (0.5, 0.5, 0.9, 0.9) needs both low ones
        // (mean 0.9 ≥ 0.8 only after the second), 4 reviews over 2 days.
        let cards = Dictionary(
            uniqueKeysWithValues: recalls.enumerated().map { n, recall -> (String, Card) in
                ("i\(n)", Self.card(recall: recall))
            })
        let scheduler = try FSRSScheduler(fuzz: false)
        let forecast = ReadinessForecast.make(
            items: Array(Self.items.prefix(recalls.count)), cards: cards, log: [], now: Self.start,
            examDate: Self.start.addingTimeInterval(Double(days) * 86400), scheduler: scheduler,
            target: target * 100)
        #expect(forecast.reviewsPerDay == expected)
    }

    /// A card whose FSRS recall at `start` is `recall` (reviewed ten days before).
    static func card(recall: Double) -> Card {
        // R = (1 + factor·t/S)^decay with FSRS-6's defaults; solve for S at t = 10 days.
        let decay = -FSRSParameters.defaults[20]
        let factor = pow(0.9, 1 / decay) - 1
        let stability = factor * 10 / (pow(recall, 1 / decay) - 1)
        return Card(
            phase: .review, stability: stability, difficulty: 5, due: start,
            lastReview: start.addingTimeInterval(-10 * 86400), reps: 3)
    }
}
