import Foundation
import SRMQuizKit
import Testing

/// Files record where their review log starts (`reviewsIndex`), so opening reads only the part
/// before it; files without a usable index are read whole, as before.
@Suite struct ProgressLogIndexTests {
    static func minute(_ n: Int) -> Date { ProgressFixtures.start.addingTimeInterval(Double(n) * 60) }

    /// The file's text with `"reviewsIndex":{…}` replaced by `replacement`.
    static func replacingIndex(in url: URL, with replacement: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: ",\"reviewsIndex\":{"))
        let end = try #require(text.range(of: "}", range: start.upperBound..<text.endIndex))
        try Data(text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: replacement).utf8)
            .write(to: url)
    }

    @Test func theWriterRecordsTheLogsPlaceCountAndTheFileSize() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        _ = try ProgressLazyLogTests.makeFile(url, count: 40, times: Self.minute)
        let bytes = Array(try Data(contentsOf: url))
        let text = String(decoding: bytes, as: UTF8.self)
        let firstLine = try #require(text.split(separator: "\n").first)
        let index = try #require(firstLine.range(of: "\"reviewsIndex\":{"))
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let fields = try #require(json?["reviewsIndex"] as? [String: String])
        #expect(!index.isEmpty)
        let atText = try #require(fields["at"])
        let at = try #require(Int(atText))
        #expect(Array(bytes[at..<(at + 11)]) == Array("\"reviews\":[".utf8))
        #expect(fields["count"] == "000000000040")
        #expect(fields["size"].flatMap { Int($0) } == bytes.count)
        #expect(fields.values.allSatisfy { $0.count == 12 })
    }

    @Test func openReadsNothingOfTheLogAndTheRoundTripIsExact() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let entries = try ProgressLazyLogTests.makeFile(url, count: 2_000, times: Self.minute)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(store.logBytesRead == 0, "open reads nothing past the log's start")
        #expect(store.reviewCount == 2_000)
        #expect(store.cards.count == 7)
        let since = Self.minute(1_990)
        #expect(store.reviews(since: since) == entries.filter { $0.time >= since })
        #expect(!store.isLogLoaded)
        #expect(store.logBytesRead > 0 && store.logBytesRead < size / 2, "only the end is read")
        #expect(store.reviews(since: .distantPast) == entries)
        #expect(!store.isLogLoaded)
        #expect(store.log == entries)
        #expect(store.logError == nil)
    }

    @Test(arguments: [
        "",  // an older file: no index
        ",\"reviewsIndex\":{\"at\":\"000000000100\",\"count\":\"000000000030\",\"size\":\"000000000999\"}",
        ",\"reviewsIndex\":{\"at\":\"000000000007\",\"count\":\"000000000030\",\"size\":\"SIZE\"}",
        ",\"reviewsIndex\":{\"at\":\"12\",\"count\":\"30\",\"size\":\"x\"}",
        ",\"reviewsIndex\":7",
    ])
    func aMissingOrWrongIndexFallsBackToReadingTheWholeFile(index: String) throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let entries = try ProgressLazyLogTests.makeFile(url, count: 30, times: Self.minute)
        try Self.replacingIndex(in: url, with: "")
        let size = try Data(contentsOf: url).count
        var replacement = index
        if replacement.contains("SIZE") {
            // The size right (the index is as long as the one removed), the offset wrong.
            let withIndex = size + index.utf8.count - 4 + 12
            replacement = index.replacingOccurrences(of: "SIZE", with: String(format: "%012d", withIndex))
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let place = try #require(text.range(of: ",\n\"settings\""))
        try Data(text.replacingCharacters(in: place.lowerBound..<place.lowerBound, with: replacement).utf8)
            .write(to: url)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(store.reviewCount == 30)
        #expect(store.logBytesRead > 0, "the whole file was read, as before")
        #expect(store.reviews(since: Self.minute(25)) == Array(entries.suffix(5)))
        #expect(store.log == entries)
        #expect(store.logError == nil)
    }

    @Test func aLogEditedByHandIsReadWholeAndChecked() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let entries = try ProgressLazyLogTests.makeFile(url, count: 30, times: Self.minute)
        // Same size, but two reviews on one line: the index is right, the layout is not.
        var text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let last = try #require(lines.lastIndex { $0.hasPrefix("{\"itemID\"") })
        text = (lines[..<(last - 1)] + [lines[last - 1] + " " + lines[last]] + lines[(last + 1)...])
            .joined(separator: "\n")
        try Data(text.utf8).write(to: url)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(store.reviews(since: Self.minute(28)) == Array(entries.suffix(2)))
        #expect(store.log == entries)
        #expect(store.logError == nil)
    }

    @Test func aCountThatDisagreesWithTheLogKeepsTheFileFromBeingRewritten() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        _ = try ProgressLazyLogTests.makeFile(url, count: 30, times: Self.minute)
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\"count\":\"000000000030\"", with: "\"count\":\"000000000031\"")
        try Data(text.utf8).write(to: url)
        let before = try Data(contentsOf: url)
        let store = try ProgressFixtures.open(url)
        // Recording needs the last review, which is where the count is found wrong; either way the
        // file must stay as it is.
        _ = try? store.record(ProgressFixtures.entry(30), card: ProgressFixtures.card(30))
        #expect(throws: ProgressError.self) { try store.compact() }
        #expect(store.logError != nil)
        store.close()
        #expect(try Data(contentsOf: url) == before, "never rewritten")
    }

    @Test func aFileChangedBehindTheStoresBackIsNeverOverwritten() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        _ = try ProgressLazyLogTests.makeFile(url, count: 30, times: Self.minute)
        let store = try ProgressFixtures.open(url)
        // An editor appends to the file while the store has it open (the lock keeps out only srmquiz).
        var changed = try Data(contentsOf: url)
        changed.append(contentsOf: Array("\n".utf8))
        try changed.write(to: url)
        #expect(store.logBytesRead == 0 && !store.isLogLoaded)
        #expect(throws: ProgressError.self) {
            try store.record(ProgressFixtures.entry(30), card: ProgressFixtures.card(30))
        }
        #expect(throws: ProgressError.self) { try store.compact() }
        store.close()
        #expect(try Data(contentsOf: url) == changed, "never rewritten")
    }
}
