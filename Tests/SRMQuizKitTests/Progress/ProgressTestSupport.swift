import Foundation
import SRMQuizTestSupport

@testable import SRMQuizKit

/// A fresh temporary folder, removed when the value goes away.
final class ProgressTempFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("srmquiz-progress-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A path inside the folder.
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Shared values and helpers for the progress tests.
enum ProgressFixtures {
    /// 2025-03-01T09:30:00.125Z.
    static let start = Date(timeIntervalSince1970: 1_740_821_400.125)

    /// A clock that always says `start + offset`.
    static func clock(_ offset: TimeInterval = 0) -> FixedClock {
        FixedClock(start.addingTimeInterval(offset))
    }

    /// The `n`th answer of a made-up history (times to the millisecond, as files hold them).
    static func entry(_ n: Int, item: String? = nil) -> ReviewLogEntry {
        ReviewLogEntry(
            itemID: item ?? "item-\(n % 7)",
            time: ProgressTime.rounded(start.addingTimeInterval(Double(n) * 61.001)),
            rating: Rating.allCases[n % 4], answer: n % 3 == 0 ? nil : "answer \(n)",
            correct: n % 5 == 0 ? nil : n % 4 != 0, durationMs: 1000 + n, mode: n % 2 == 0 ? "study" : "quiz")
    }

    /// A card after the `n`th answer.
    static func card(_ n: Int) -> Card {
        Card(
            phase: CardPhase.allCases[(n % 3) + 1], step: n % 2 == 0 ? 1 : nil,
            stability: 1.5 + Double(n) / 3,
            difficulty: 5.123_456_789,
            due: ProgressTime.rounded(start.addingTimeInterval(Double(n) * 86_400.001)),
            lastReview: ProgressTime.rounded(start.addingTimeInterval(Double(n) * 61.001)), reps: n + 1,
            lapses: n % 9)
    }

    /// The v1 fixture, committed in `Tests/Fixtures/progress-v1.json`.
    static var v1Fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/progress-v1.json")
    }

    /// Opens (creating) a store at `url` with default settings and a fixed clock.
    static func open(_ url: URL, offset: TimeInterval = 0) throws -> ProgressStore {
        try ProgressStore.open(
            at: url, learner: "tester", createWith: SchedulerSettings(), clock: clock(offset))
    }

    /// The review log beside the state file `url` (`p.json` → `p.reviews.jsonl`).
    static func log(of url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("reviews.jsonl")
    }

    /// Copies a state file, its backup and its log into `folder`, as a crash at this moment
    /// would leave them, and returns the copy's path.
    static func crashCopy(of url: URL, into folder: URL) throws -> URL {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent(url.lastPathComponent)
        for (source, target) in [
            (url, copy), (URL(fileURLWithPath: url.path + ".bak"), URL(fileURLWithPath: copy.path + ".bak")),
            (log(of: url), log(of: copy)),
        ]
        where fm.fileExists(atPath: source.path) {
            try fm.copyItem(at: source, to: target)
        }
        return copy
    }

    /// The lines of the review log beside `url`.
    static func logLines(_ url: URL) throws -> [String] {
        try String(contentsOf: log(of: url), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The POSIX permission bits of `url`.
    static func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// `line`, a log line as written, with its integrity check made anew for its (edited)
    /// content: what a hand edit that recomputes the check leaves, so the line's content is what
    /// gets judged.
    static func resealed(_ line: String) -> String {
        let json = String(line.dropLast(#","crc32c":"12345678"}"#.count)) + "}"
        return String(decoding: ProgressCheck.seal(Data(json.utf8), pretty: false), as: UTF8.self)
    }

    /// Decodes the log line `text` as the readers do (its check required when `checked`).
    static func decodeLine(_ text: String, checked: Bool = false, number: Int = 1) throws -> ProgressLogLine {
        try Array(text.utf8).withUnsafeBufferPointer { (bytes) throws(ProgressError) in
            try ProgressCodec.line(bytes, checked: checked, number: number, offset: 0, file: "f")
        }
    }
}
