import Foundation
import SRMQuizKit

/// `srmquiz-bench progress [--cards N] [--reviews N] [--records N] [--dir PATH]`: loading and
/// compacting a large progress file, and the cost of recording one answer (fsync included).
enum ProgressBenchmark {
    static func run(arguments: [String]) throws {
        var cards = 5000
        var reviews = 200_000
        var records = 200
        var folder = FileManager.default.temporaryDirectory
        try BenchmarkOptions.read(arguments) { name, value in
            switch name {
            case "--cards": cards = Int(value) ?? cards
            case "--reviews": reviews = Int(value) ?? reviews
            case "--records": records = Int(value) ?? records
            case "--dir": folder = URL(fileURLWithPath: value)
            default: return false
            }
            return true
        }
        let dir = folder.appendingPathComponent("srmquiz-bench-progress-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bench.json")
        let clock = SystemClock()

        print("Progress files: \(cards) cards, \(reviews) reviews, \(records) records; folder \(folder.path)")
        let history = makeHistory(cards: cards, reviews: reviews)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)

        // The log's lines: JSONEncoder, the fast path and (on a tenth) JSONDecoder.
        var start = DispatchTime.now()
        let encoder = ProgressCodec.lineEncoder()
        let encoded = try history.lines.map { try encoder.encode($0) }
        print(String(format: "encode the log's lines (JSONEncoder): %.0f ms", elapsed(since: start)))
        let sample = encoded.prefix(max(1, encoded.count / 10))
        start = DispatchTime.now()
        let decoder = ProgressCodec.decoder()
        for line in sample { _ = try decoder.decode(ProgressLogLine.self, from: line) }
        print(
            String(
                format: "decode a tenth of them with JSONDecoder: %.0f ms (the whole log: ~%.0f ms)",
                elapsed(since: start), elapsed(since: start) * Double(encoded.count) / Double(sample.count)))

        start = DispatchTime.now()
        try ProgressStore.write(
            learner: "bench", created: history.created, settings: SchedulerSettings(), cards: history.cards,
            lines: history.lines, to: url)
        print(String(format: "write state and log: %.0f ms", elapsed(since: start)))
        let logURL = dir.appendingPathComponent("bench.reviews.jsonl")
        print(
            String(
                format: "state file: %.2f MB; log: %.1f MB", Double(try fileSize(url)) / 1_000_000,
                Double(try fileSize(logURL)) / 1_000_000))

        var opens: [Double] = []
        var sinces: [Double] = []
        var logLoads: [Double] = []
        var reads: [Double] = []
        for _ in 0..<3 {
            var start = DispatchTime.now()
            let store = try ProgressStore.open(
                at: url, learner: "bench", createWith: SchedulerSettings(), clock: clock)
            opens.append(elapsed(since: start))
            start = DispatchTime.now()
            let today = history.lines.last?.review.map { $0.time.addingTimeInterval(-86_400) } ?? Date()
            let recent = store.reviews(since: today)
            sinces.append(elapsed(since: start))
            guard !store.isLogLoaded, !recent.isEmpty else {
                throw BenchmarkError("reviews(since:) read the whole log or found nothing")
            }
            start = DispatchTime.now()
            try store.loadLog()
            logLoads.append(elapsed(since: start))
            guard store.log.count == reviews else {
                throw BenchmarkError("loaded \(store.log.count) reviews")
            }
            store.close()
            start = DispatchTime.now()
            guard let read = try ProgressDocument.read(at: url), read.document.reviews.count == reviews else {
                throw BenchmarkError("the reader found a different log")
            }
            reads.append(elapsed(since: start))
        }
        print(String(format: "open (lock, state, log tail): median %.1f ms of 3", median(opens)))
        print(String(format: "reviews(since: a day before the last): median %.2f ms of 3", median(sinces)))
        print(String(format: "whole log (first use of log): median %.0f ms of 3", median(logLoads)))
        print(
            String(
                format: "read without lock (state + whole log, as show and report): median %.0f ms of 3",
                median(reads)))

        let store = try ProgressStore.open(
            at: url, learner: "bench", createWith: SchedulerSettings(), clock: clock)
        var costs: [Double] = []
        let itemIDs = Array(history.cards.keys).sorted()
        for n in 0..<records {
            let id = itemIDs[n % itemIDs.count]
            let entry = ReviewLogEntry(
                itemID: id, time: Date(), rating: .good, answer: "customer", correct: true, durationMs: 4200,
                mode: "study")
            var card = store.cards[id] ?? Card.new(at: Date())
            card.reps += 1
            card.due = Date().addingTimeInterval(86_400 * 3)
            let start = DispatchTime.now()
            try store.record(entry, card: card)
            costs.append(elapsed(since: start))
        }
        costs.sort()
        let p99 = costs[min(costs.count - 1, Int((Double(costs.count) * 0.99).rounded(.up)) - 1)]
        print(
            String(
                format: "record one answer (log line + fdatasync): median %.2f ms, p99 %.2f ms, max %.2f ms",
                median(costs), p99, costs.last ?? 0))
        start = DispatchTime.now()
        store.close()
        print(String(format: "close (rewrites the state): %.0f ms", elapsed(since: start)))
        start = DispatchTime.now()
        let reopened = try ProgressStore.open(
            at: url, learner: "bench", createWith: SchedulerSettings(), clock: clock)
        print(String(format: "open after that close: %.1f ms", elapsed(since: start)))
        reopened.close()
    }

    /// A history of `cards` items and `reviews` answers five minutes apart, each line with the
    /// card before and after (the item's final card, for realistic sizes).
    static func makeHistory(cards: Int, reviews: Int) -> (
        created: Date, cards: [String: Card], lines: [ProgressLogLine]
    ) {
        var rng = SeededGenerator(seed: 7)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var all: [String: Card] = [:]
        for n in 0..<cards {
            all["svc-\(n / 50).task-\(n % 50).owner"] = Card(
                phase: .review, stability: 1 + rng.nextUnit() * 300, difficulty: 1 + rng.nextUnit() * 9,
                due: ProgressTime.rounded(start.addingTimeInterval(rng.nextUnit() * 86_400 * 800)),
                lastReview: start, reps: Int(rng.next() % 40), lapses: Int(rng.next() % 10))
        }
        let ids = Array(all.keys).sorted()
        var seen: Set<String> = []
        var lines: [ProgressLogLine] = []
        lines.reserveCapacity(reviews)
        for n in 0..<reviews {
            let rating = Rating.allCases[Int(rng.next() % 4)]
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            let entry = ReviewLogEntry(
                itemID: id,
                time: ProgressTime.rounded(start.addingTimeInterval(Double(n) * 300 + rng.nextUnit())),
                rating: rating, answer: "customer", correct: rating != .again,
                durationMs: Int(rng.next() % 20_000), mode: "study")
            let before = seen.insert(id).inserted ? nil : all[id]
            lines.append(
                ProgressLogLine(
                    event: .review, review: entry, phaseBefore: before?.phase ?? .new, before: before,
                    after: all[id]))
        }
        return (start, all, lines)
    }

    static func fileSize(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
    }

    static func elapsed(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    struct BenchmarkError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
