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
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--cards": cards = Int(value) ?? cards
            case "--reviews": reviews = Int(value) ?? reviews
            case "--records": records = Int(value) ?? records
            case "--dir": folder = URL(fileURLWithPath: value)
            default: throw BenchmarkError("unknown argument \(arguments[index])")
            }
            index += 2
        }
        let dir = folder.appendingPathComponent("srmquiz-bench-progress-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bench.json")
        let clock = SystemClock()

        print("Progress files: \(cards) cards, \(reviews) reviews, \(records) records; folder \(folder.path)")
        let document = makeDocument(cards: cards, reviews: reviews)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var start = DispatchTime.now()
        let encoded = try ProgressCodec.encode(document, file: url.path)
        print(String(format: "encode in memory: %.0f ms", elapsed(since: start)))
        start = DispatchTime.now()
        let decoded = try ProgressCodec.decode(encoded, file: url.path)
        print(String(format: "decode in memory (whole document): %.0f ms", elapsed(since: start)))
        guard decoded.document == document else { throw BenchmarkError("the decoded document differs") }
        start = DispatchTime.now()
        _ = try ProgressCodec.fileEncoder().encode(document)
        print(String(format: "for comparison, Foundation JSONEncoder: %.0f ms", elapsed(since: start)))
        start = DispatchTime.now()
        for review in document.reviews.prefix(100_000) { _ = ProgressDateFormat.string(from: review.time) }
        print(String(format: "format 100,000 dates: %.0f ms", elapsed(since: start)))
        start = DispatchTime.now()
        for review in document.reviews.prefix(100_000) {
            _ = ProgressDateFormat.date(from: "2025-03-01T09:30:00.125Z")
            _ = review
        }
        print(String(format: "parse 100,000 dates: %.0f ms", elapsed(since: start)))
        try encoded.write(to: url)
        let size =
            (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        print(String(format: "file size: %.1f MB (%d bytes)", Double(size) / 1_000_000, size))

        var opens: [Double] = []
        var sinces: [Double] = []
        var logLoads: [Double] = []
        var fullLoads: [Double] = []
        for _ in 0..<3 {
            var start = DispatchTime.now()
            let store = try ProgressStore.open(
                at: url, learner: "bench", createWith: SchedulerSettings(), clock: clock)
            opens.append(elapsed(since: start))
            guard store.logBytesRead == 0 else {
                throw BenchmarkError("open read \(store.logBytesRead) bytes of the review log")
            }
            let open = opens.last ?? 0
            start = DispatchTime.now()
            let today = document.reviews.last.map { $0.time.addingTimeInterval(-86_400) } ?? Date()
            let recent = store.reviews(since: today)
            sinces.append(elapsed(since: start))
            guard !store.isLogLoaded, !recent.isEmpty else {
                throw BenchmarkError("reviews(since:) decoded the whole log or found nothing")
            }
            start = DispatchTime.now()
            try store.loadLog()
            logLoads.append(elapsed(since: start))
            fullLoads.append(open + logLoads[logLoads.count - 1])
            guard store.log.count == reviews else {
                throw BenchmarkError("loaded \(store.log.count) reviews")
            }
            store.close()
        }
        print(
            String(
                format: "open (lock, read settings and cards; log not read): median %.1f ms of 3",
                median(opens)))
        print(
            String(
                format: "reviews(since: a day before the last review): median %.2f ms of 3", median(sinces)))
        print(String(format: "full log decode (first use of log): median %.0f ms of 3", median(logLoads)))
        print(String(format: "full load (open + full log decode): median %.0f ms of 3", median(fullLoads)))

        let store = try ProgressStore.open(
            at: url, learner: "bench", createWith: SchedulerSettings(), clock: clock)
        try store.loadLog()
        var saves: [Double] = []
        for _ in 0..<3 {
            let start = DispatchTime.now()
            try store.compact()
            saves.append(elapsed(since: start))
        }
        print(
            String(
                format:
                    "full save (compaction: encode, backup link, write, fsync, rename): median %.0f ms of 3",
                median(saves)))

        var costs: [Double] = []
        let itemIDs = Array(document.cards.keys).sorted()
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
                format:
                    "record one answer (journal line + fdatasync): median %.2f ms, p99 %.2f ms, max %.2f ms",
                median(costs), p99, costs.last ?? 0))
        start = DispatchTime.now()
        store.close()
        print(
            String(format: "close (compacts the %d journal events): %.0f ms", records, elapsed(since: start)))
    }

    /// A document of `cards` items and `reviews` answers spread over two years.
    static func makeDocument(cards: Int, reviews: Int) -> ProgressDocument {
        var rng = SeededGenerator(seed: 7)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var all: [String: Card] = [:]
        for n in 0..<cards {
            all["svc-\(n / 50).task-\(n % 50).owner"] = Card(
                phase: .review, stability: 1 + rng.nextUnit() * 300, difficulty: 1 + rng.nextUnit() * 9,
                due: start.addingTimeInterval(rng.nextUnit() * 86_400 * 800), lastReview: start,
                reps: Int(rng.next() % 40), lapses: Int(rng.next() % 10))
        }
        let ids = Array(all.keys)
        var log: [ReviewLogEntry] = []
        log.reserveCapacity(reviews)
        for n in 0..<reviews {
            let rating = Rating.allCases[Int(rng.next() % 4)]
            log.append(
                ReviewLogEntry(
                    itemID: ids[Int(rng.next() % UInt64(ids.count))],
                    time: start.addingTimeInterval(Double(n) * 300 + rng.nextUnit()), rating: rating,
                    answer: "customer", correct: rating != .again, durationMs: Int(rng.next() % 20_000),
                    mode: "study"))
        }
        return ProgressDocument(
            learner: "bench", created: start, cards: all, reviews: log,
            phasesBefore: log.map { _ in .review }, sequence: 0)
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
