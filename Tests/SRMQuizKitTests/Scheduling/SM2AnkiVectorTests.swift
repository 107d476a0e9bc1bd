import Foundation
import Testing

@testable import SRMQuizKit

/// Replays every history in `Fixtures/sm2-anki-vectors.json` (written by
/// `scripts/anki_sm2_vectors.py` with the real Anki scheduler, FSRS and fuzz off, days in UTC)
/// and checks each review's state, step, interval, ease and due against Anki's.
@Suite struct SM2AnkiVectorTests {
    static let fixtureURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sm2-anki-vectors.json")

    /// One review of a vector: `[time_ms, rating, state, step, interval, factor, due_days,
    /// due_s, early]`.
    struct Expected {
        var timeMs: Int64
        var rating: Rating
        var phase: CardPhase
        var step: Int?
        var interval: Int?
        var factor: Int?
        var dueDays: Int?
        var dueSeconds: Int64?
        var early: Bool

        init(_ row: [Any]) throws {
            timeMs = try #require((row[0] as? NSNumber)?.int64Value)
            let ratingValue = try #require(row[1] as? Int)
            rating = try #require(Rating(rawValue: ratingValue))
            let state = try #require(row[2] as? Int)
            phase = [1: CardPhase.learning, 2: .review, 3: .relearning][state] ?? .new
            step = row[3] as? Int
            interval = row[4] as? Int
            factor = row[5] as? Int
            dueDays = row[6] as? Int
            dueSeconds = (row[7] as? NSNumber)?.int64Value
            early = (row[8] as? Int) == 1
        }
    }

    @Test func everyReviewMatchesAnki() throws {
        let data = try Data(contentsOf: Self.fixtureURL)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((root["anki_version"] as? String)?.hasPrefix("26.") == true)
        let zoneName = try #require(root["time_zone"] as? String)
        let utc = try #require(TimeZone(identifier: zoneName))
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.count >= 300)

        var checked = 0
        var early = 0
        var precisionCases = 0
        var ratings = Set<Rating>()
        var failures: [String] = []
        for testCase in cases {
            let name = try #require(testCase["name"] as? String)
            let hour = try #require(testCase["day_starts_at"] as? Int)
            let day = StudyDay(rolloverHour: hour, timeZone: utc)
            let scheduler = try SM2Scheduler(
                learningSteps: try #require(testCase["learning_steps"] as? [Double]),
                relearningSteps: try #require(testCase["relearning_steps"] as? [Double]),
                maximumInterval: try #require(testCase["maximum_interval"] as? Int), fuzz: false,
                day: day)
            var rng = SeededGenerator(seed: 1)
            var card: Card? = nil
            for (index, row) in try #require(testCase["reviews"] as? [[Any]]).enumerated() {
                let expected = try Expected(row)
                let now = Date(timeIntervalSince1970: Double(expected.timeMs) / 1000)
                let before = card ?? Card.new(at: now)
                let after = scheduler.review(before, rating: expected.rating, at: now, rng: &rng)
                card = after
                checked += 1
                ratings.insert(expected.rating)
                if expected.early { early += 1 }
                if Self.roundsDifferentlyInDouble(before, rating: expected.rating, now: now, day: day) {
                    precisionCases += 1
                }

                var due = true
                if let dueDays = expected.dueDays {
                    due = after.due == day.start(ofDay: day.day(of: now) + dueDays)
                } else if let dueSeconds = expected.dueSeconds {
                    due = Int64(after.due.timeIntervalSince1970.rounded(.down)) == dueSeconds
                }
                let ease = after.ease.map { Int(($0 * 1000).rounded()) }
                let same =
                    after.phase == expected.phase && after.step == expected.step
                    && after.interval.map { Int($0) } == expected.interval && ease == expected.factor
                    && due
                if !same && failures.count < 10 {
                    failures.append(
                        "\(name), review \(index + 1) (\(expected.rating)): got \(after.phase) step \(String(describing: after.step)) interval \(String(describing: after.interval)) ease \(String(describing: ease)) due \(after.due); Anki \(row)"
                    )
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(checked > 4000)
        #expect(early > 300, "early reviews (filtered deck) are covered")
        #expect(ratings == Set(Rating.allCases))
        #expect(precisionCases > 0, "reviews where Double arithmetic would round differently")
    }

    /// Whether the on-time review interval for `rating` rounds differently in `Double` than in
    /// Anki's 32-bit floats (the .5 cases).
    static func roundsDifferentlyInDouble(_ card: Card, rating: Rating, now: Date, day: StudyDay)
        -> Bool
    {
        guard card.phase == .review, rating != .again, let interval = card.interval,
            let ease = card.ease
        else { return false }
        let late = Double(day.day(of: now) - day.day(of: card.due))
        guard late >= 0 else { return false }
        let raw: (Double, Float) =
            switch rating {
            case .hard: (interval * 1.2, Float(interval) * 1.2)
            case .good: ((interval + late / 2) * ease, (Float(interval) + Float(late) / 2) * Float(ease))
            default: ((interval + late) * ease * 1.3, (Float(interval) + Float(late)) * Float(ease) * 1.3)
            }
        return raw.0.rounded(.toNearestOrAwayFromZero) != Double(raw.1.rounded(.toNearestOrAwayFromZero))
    }
}
