import Foundation
import SRMQuizKit
import Testing

/// The review log is decoded only when needed; `reviews(since:)` reads only its end.
@Suite struct ProgressLazyLogTests {
    /// A progress file with `count` reviews, compacted (no journal), and its log.
    static func makeFile(_ url: URL, count: Int, times: (Int) -> Date) throws -> [ReviewLogEntry] {
        let store = try ProgressFixtures.open(url)
        var entries: [ReviewLogEntry] = []
        for n in 0..<count {
            var entry = ProgressFixtures.entry(n)
            entry.time = times(n)
            entries.append(entry)
            try store.record(entry, card: ProgressFixtures.card(n))
        }
        store.close()
        return entries
    }

    static func minute(_ n: Int) -> Date { ProgressFixtures.start.addingTimeInterval(Double(n) * 60) }

    @Test func openDoesNotDecodeTheLogAndReviewsSinceReadsOnlyItsEnd() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let entries = try Self.makeFile(url, count: 300, times: Self.minute)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(!store.isLogLoaded)
        #expect(store.reviewCount == 300)
        #expect(store.cards.count == 7 && store.settings == SchedulerSettings())
        for n in [0, 1, 150, 299, 300, 1000] {
            let since = Self.minute(n)
            #expect(store.reviews(since: since) == entries.filter { $0.time >= since })
        }
        #expect(store.reviews(since: .distantPast) == entries)
        #expect(!store.isLogLoaded, "reviews(since:) never decodes the whole log")
        #expect(store.log == entries)
        #expect(store.isLogLoaded)
    }

    @Test func reviewsSinceFollowsRecordsAndUndoBeforeTheLogIsDecoded() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        var expected = try Self.makeFile(url, count: 50, times: Self.minute)
        let store = try ProgressFixtures.open(url, offset: 99_999)
        defer { store.close() }
        // Undo past the records of this session, into the reviews from the file.
        for n in 50..<53 {
            var entry = ProgressFixtures.entry(n)
            entry.time = Self.minute(n)
            try store.record(entry, card: ProgressFixtures.card(n))
            expected.append(entry)
        }
        for _ in 0..<5 {
            #expect(try store.undoLast() == expected.removeLast())
        }
        #expect(!store.isLogLoaded)
        for n in [0, 40, 47, 48, 60] {
            #expect(store.reviews(since: Self.minute(n)) == expected.filter { $0.time >= Self.minute(n) })
        }
        #expect(store.reviewCount == expected.count)
        #expect(store.cards["item-0"] == ProgressFixtures.card(42))  // 47 undone: back to after answer 42
        #expect(!store.isLogLoaded)
        #expect(store.log == expected)
        store.close()
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(reopened.log == expected)
    }

    @Test func reviewsSinceIsExactWhenTheClockWentBack() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        // The clock jumps back an hour at review 20 and at review 35.
        let times: (Int) -> Date = { n in Self.minute(n - (n >= 20 ? 60 : 0) - (n >= 35 ? 60 : 0)) }
        var entries = try Self.makeFile(url, count: 40, times: times)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        var late = ProgressFixtures.entry(40)
        late.time = Self.minute(-500)  // and once more, in this session
        try store.record(late, card: ProgressFixtures.card(40))
        entries.append(late)
        for n in stride(from: -600, through: 60, by: 7) {
            let since = Self.minute(n)
            #expect(store.reviews(since: since) == entries.filter { $0.time >= since }, "since minute \(n)")
        }
        #expect(store.log == entries)
    }

    @Test func anUnreadableReviewIsFoundLaterAndTheFileIsNeverRewritten() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let entries = try Self.makeFile(url, count: 20, times: Self.minute)
        // Damage the first review only; the file is still valid JSON.
        let text = try String(contentsOf: url, encoding: .utf8)
        let damaged = try #require(text.range(of: "\"rating\":1")).lowerBound
        var bytes = Array(text.utf8)
        let offset = text.utf8.distance(from: text.startIndex, to: damaged)
        bytes.replaceSubrange(offset..<(offset + 10), with: Array("\"rating\":9".utf8))
        try Data(bytes).write(to: url)
        let before = try Data(contentsOf: url)

        let store = try ProgressFixtures.open(url)
        #expect(store.reviews(since: Self.minute(10)) == Array(entries.suffix(10)))
        try store.record(ProgressFixtures.entry(20), card: ProgressFixtures.card(20))
        #expect(throws: ProgressError.self) { try store.loadLog() }
        guard case .invalidField(_, let field, _)? = store.logError else {
            Issue.record("expected an invalid field, found \(String(describing: store.logError))")
            return
        }
        #expect(field == "reviews[0].rating")
        #expect(throws: ProgressError.self) { try store.compact() }
        store.close()
        #expect(try Data(contentsOf: url) == before, "never rewritten")
        #expect(
            FileManager.default.fileExists(atPath: url.path + ".journal"), "the answer is kept in the journal"
        )
        // Opening again must fold the journal in, so it needs the whole log: an error, file untouched.
        #expect(throws: ProgressError.self) { try ProgressFixtures.open(url) }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func restoreDoesNotTakeAFileWithAnUnreadableLogForGood() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        _ = try Self.makeFile(url, count: 5, times: Self.minute)
        let store = try ProgressFixtures.open(url)
        try store.record(ProgressFixtures.entry(5), card: ProgressFixtures.card(5))
        store.close()  // now p.json.bak is the 5-review file
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\"rating\":2", with: "\"rating\":\"two\"").write(
            to: url, atomically: false, encoding: .utf8)
        let restored = try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        #expect(restored.reviews == 5)
    }

    @Test func theProtocolDefaultFiltersTheLog() {
        final class MemoryStore: ReviewStore {
            var settings = SchedulerSettings()
            var cards: [String: Card] = [:]
            var log: [ReviewLogEntry] = (0..<10).map { ProgressFixtures.entry($0) }
            func record(_ entry: ReviewLogEntry, card: Card) throws { log.append(entry) }
            func undoLast() throws -> ReviewLogEntry? { log.popLast() }
        }
        let store = MemoryStore()
        let since = ProgressFixtures.entry(6).time
        #expect(store.reviews(since: since) == Array(store.log.suffix(4)))
    }
}
