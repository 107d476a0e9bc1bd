import Foundation
import SRMQuizKit

/// Reviews per second when FSRS-6 (fuzz off) replays deterministic synthetic histories: `cards` ×
/// `reviews` (default 10,000 × 100 = 1,000,000).
///
/// `scripts/bench_pyfsrs.py` builds the same histories for py-fsrs; the checksum over the first
/// 1,000 cards lets the two be compared.
///
/// Usage: `srmquiz-bench fsrs-replay [CARDS] [REVIEWS]`
enum FSRSReplayBenchmark {
    static let start: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z, in ms
    static let checksumCards = 1000

    /// One card's history: review times (ms) and ratings, from SplitMix64 seeded with card + 1.
    static func history(card: Int, reviews: Int) -> [(Int64, Rating)] {
        var rng = SeededGenerator(seed: UInt64(card + 1))
        var time = start + Int64(card) * 1000
        var result: [(Int64, Rating)] = []
        result.reserveCapacity(reviews)
        for _ in 0..<reviews {
            let u = rng.nextUnit()
            let rating: Rating = u < 0.1 ? .again : u < 0.25 ? .hard : u < 0.9 ? .good : .easy
            result.append((time, rating))
            // Gaps from one minute to 30 days.
            time += 60_000 + Int64(rng.nextUnit() * 30 * 86_400_000)
        }
        return result
    }

    static func run(arguments: [String]) throws {
        let cards = arguments.first.flatMap(Int.init) ?? 10_000
        let reviews = arguments.dropFirst().first.flatMap(Int.init) ?? 100
        let scheduler = try FSRSScheduler(fuzz: false)

        var dates: [Date] = []
        var ratings: [Rating] = []
        dates.reserveCapacity(cards * reviews)
        ratings.reserveCapacity(cards * reviews)
        for card in 0..<cards {
            for (time, rating) in history(card: card, reviews: reviews) {
                dates.append(Date(timeIntervalSince1970: Double(time) / 1000))
                ratings.append(rating)
            }
        }

        var rng = SeededGenerator(seed: 0)
        var checksum = 0.0
        let clock = ContinuousClock()
        let began = clock.now
        var index = 0
        for card in 0..<cards {
            var state = Card.new(at: dates[index])
            for _ in 0..<reviews {
                state = scheduler.review(state, rating: ratings[index], at: dates[index], rng: &rng)
                index += 1
            }
            if card < checksumCards { checksum += state.stability ?? 0 }
        }
        let elapsed = clock.now - began
        let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let total = cards * reviews
        print(
            "FSRS replay (Swift): \(total) reviews (\(cards) cards x \(reviews)) in \(String(format: "%.3f", seconds)) s"
        )
        print("reviews/s: \(String(format: "%.0f", Double(total) / seconds))")
        print("checksum (sum of final stability, first \(min(cards, checksumCards)) cards): \(checksum)")
    }
}
