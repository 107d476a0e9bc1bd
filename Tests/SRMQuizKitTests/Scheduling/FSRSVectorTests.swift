import Foundation
import Testing

@testable import SRMQuizKit

/// Replays every history in `Fixtures/fsrs-vectors.json` (written by `scripts/fsrs_vectors.py`
/// with py-fsrs, fuzz off) and checks each review against the reference.
@Suite struct FSRSVectorTests {
    static let fixtureURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fsrs-vectors.json")

    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / max(abs(a), abs(b))
    }

    @Test func everyReviewMatchesPyFSRS() throws {
        let data = try Data(contentsOf: Self.fixtureURL)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((root["fsrs_version"] as? String)?.hasPrefix("6.3") == true)
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.count >= 1000)

        var checked = 0
        var fuzzedCases = 0
        var failures: [String] = []
        for (caseIndex, testCase) in cases.enumerated() {
            let scheduler = try FSRSScheduler(
                parameters: (testCase["parameters"] as? [Double]) ?? FSRSParameters.defaults,
                desiredRetention: try #require(testCase["desired_retention"] as? Double),
                learningSteps: try #require(testCase["learning_steps"] as? [Double]),
                relearningSteps: try #require(testCase["relearning_steps"] as? [Double]),
                maximumInterval: try #require(testCase["maximum_interval"] as? Int),
                fuzz: testCase["fuzz_seed"] != nil)
            let reviews = try #require(testCase["reviews"] as? [[Any]])
            let fuzzSeed = (testCase["fuzz_seed"] as? NSNumber)?.uint64Value
            if fuzzSeed != nil { fuzzedCases += 1 }
            var rng = SeededGenerator(seed: fuzzSeed ?? 1)
            var card: Card? = nil
            for (reviewIndex, review) in reviews.enumerated() {
                let timeMs = try #require((review[0] as? NSNumber)?.int64Value)
                let ratingValue = try #require(review[1] as? Int)
                let rating = try #require(Rating(rawValue: ratingValue))
                let now = Date(timeIntervalSince1970: Double(timeMs) / 1000)
                let before = card ?? Card.new(at: now)
                let after = scheduler.review(before, rating: rating, at: now, rng: &rng)
                card = after
                checked += 1

                let expectedPhase: CardPhase =
                    switch review[2] as? Int {
                    case 1: .learning
                    case 2: .review
                    default: .relearning
                    }
                let expectedStep = review[3] as? Int
                let expectedStability = try #require(review[4] as? Double)
                let expectedDifficulty = try #require(review[5] as? Double)
                let expectedDueUs = try #require((review[6] as? NSNumber)?.int64Value)
                let dueUs = SchedulingTime.microseconds(after.due)

                var problems: [String] = []
                if after.phase != expectedPhase {
                    problems.append("phase \(after.phase) != \(expectedPhase)")
                }
                if after.step != expectedStep {
                    problems.append(
                        "step \(String(describing: after.step)) != \(String(describing: expectedStep))")
                }
                if Self.relativeDifference(after.stability ?? .nan, expectedStability) > 1e-9
                    || after.stability == nil
                {
                    problems.append("stability \(after.stability ?? .nan) != \(expectedStability)")
                }
                if Self.relativeDifference(after.difficulty ?? .nan, expectedDifficulty) > 1e-9
                    || after.difficulty == nil
                {
                    problems.append("difficulty \(after.difficulty ?? .nan) != \(expectedDifficulty)")
                }
                if dueUs / 1_000_000 != expectedDueUs / 1_000_000 {
                    problems.append("due \(dueUs) != \(expectedDueUs)")
                }
                if !problems.isEmpty {
                    failures.append(
                        "case \(caseIndex) review \(reviewIndex) (rating \(rating.rawValue)): "
                            + problems.joined(separator: ", "))
                    break  // later reviews of this history would differ anyway
                }
            }
        }
        #expect(checked >= 30000)
        #expect(fuzzedCases >= 100)
        #expect(
            failures.isEmpty,
            "\(failures.count) histories differ; first: \(failures.prefix(10).joined(separator: "\n"))")
    }
}
