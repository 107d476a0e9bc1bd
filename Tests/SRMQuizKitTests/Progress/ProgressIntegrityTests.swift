import CCRC32C
import Foundation
import Testing

@testable import SRMQuizKit

/// Every log line and the state file carry a CRC-32C (format 4), so nothing changed after it was
/// written is read as something else.
@Suite struct ProgressIntegrityTests {
    @Test func crc32cMatchesTheStandardCheckValuesInHardwareAndTable() {
        let check = Array("123456789".utf8)
        #expect(check.withUnsafeBytes { ProgressCheck.crc($0) } == 0xE306_9283)
        #expect(srm_crc32c_portable(0, check, check.count) == 0xE306_9283)
        #expect([UInt8](repeating: 0, count: 32).withUnsafeBytes { ProgressCheck.crc($0) } == 0x8A91_36AA)
        var rng = SeededGenerator(seed: 32)
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let whole = srm_crc32c(0, bytes, bytes.count)
            #expect(whole == srm_crc32c_portable(0, bytes, bytes.count), "length \(length)")
            let half = length / 2
            let resumed = bytes.withUnsafeBytes {
                srm_crc32c(srm_crc32c(0, $0.baseAddress, half), $0.baseAddress! + half, length - half)
            }
            #expect(resumed == whole, "a CRC continues across pieces")
        }
    }

    /// A progress with closed answers, a settings change, an undo and an unclosed tail.
    private static func progress(in temp: ProgressTempFolder) throws -> URL {
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        for n in 0..<12 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        try store.updateSettings(SchedulerSettings(desiredRetention: 0.85))
        try store.undoLast()
        store.close()
        let open = try ProgressFixtures.open(url, offset: 5000)
        for n in 12..<16 { try open.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        try open.undoLast()
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crashed"))
        open.close()
        return copy
    }

    @Test func noneOf600ByteFlipsIsReadSilently() throws {
        let temp = ProgressTempFolder()
        let url = try Self.progress(in: temp)
        let logURL = ProgressFixtures.log(of: url)
        let expected = try #require(try ProgressDocument.read(at: url)).document
        let files = [try Data(contentsOf: url), try Data(contentsOf: logURL)]
        var rng = SeededGenerator(seed: 600)
        var refused = 0
        for flip in 0..<600 {
            let which = Int(rng.next() % 2)
            var bytes = [UInt8](files[which])
            let at = Int(rng.next() % UInt64(bytes.count))
            let old = bytes[at]
            bytes[at] = UInt8(truncatingIfNeeded: rng.next() % 255 + 1) &+ old  // never the same byte
            let folder = temp.file("flip-\(flip)")
            let copy = try ProgressFixtures.crashCopy(of: url, into: folder)
            try Data(bytes).write(to: which == 0 ? copy : ProgressFixtures.log(of: copy))
            let what =
                "flip \(flip): byte \(at) of the \(which == 0 ? "state" : "log") from \(old) to \(bytes[at])"
            // A reader, then a writer, each either refuses with a ProgressError or gets what was written.
            do {
                let read = try #require(try ProgressDocument.read(at: copy))
                #expect(read.document == expected, "\(what): read silently as something else")
                #expect(read.warnings.isEmpty, "\(what): \(read.warnings)")
            } catch is ProgressError {
                refused += 1
            }
            do {
                let store = try ProgressFixtures.open(copy, offset: 9000)
                #expect(
                    store.cards == expected.cards && store.log == expected.reviews,
                    "\(what): opened as something else")
                store.close()
            } catch is ProgressError {
            }
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(refused > 500, "almost every flip changes what the files say")
    }

    @Test func aChangedLastNewlineIsDamageButATornLineIsNot() throws {
        let temp = ProgressTempFolder()
        let url = try Self.progress(in: temp)
        let logURL = ProgressFixtures.log(of: url)
        let log = try Data(contentsOf: logURL)
        try (log.dropLast() + Data("x".utf8)).write(to: logURL)
        #expect {
            try ProgressDocument.read(at: url)
        } throws: { error in
            guard case .logDamaged(_, _, _, let message)? = error as? ProgressError else { return false }
            return message.contains("newline was changed")
        }
        try (log + Data(#"{"event":"review","re"#.utf8)).write(to: logURL)
        let read = try #require(try ProgressDocument.read(at: url))
        #expect(read.warnings.count == 1 && read.warnings[0].contains("incomplete last line"))
    }

    @Test func aDamagedStateIsRefusedWithTheRestoreCommand() throws {
        let temp = ProgressTempFolder()
        let url = try Self.progress(in: temp)
        var state = try String(contentsOf: url, encoding: .utf8)
        #expect(state.contains("\"learner\" : \"tester\""))
        state = state.replacingOccurrences(of: "\"learner\" : \"tester\"", with: "\"learner\" : \"tester\"  ")
        try Data(state.utf8).write(to: url)
        #expect {
            try ProgressFixtures.open(url)
        } throws: { error in
            guard case .stateDamaged? = error as? ProgressError else { return false }
            return "\(error)".contains("integrity check") && "\(error)".contains("progress restore")
        }
    }

    @Test func aFormatThreeProgressIsReadAndGetsItsChecksWhenNextOpened() throws {
        let temp = ProgressTempFolder()
        let url = try Self.progress(in: temp)
        let expected = try #require(try ProgressDocument.read(at: url)).document
        // Format 3 wrote the same objects without their checks.
        let logURL = ProgressFixtures.log(of: url)
        let unchecked = try ProgressFixtures.logLines(url).map {
            String($0.dropLast(#","crc32c":"12345678"}"#.count)) + "}"
        }
        let oldLog = Data((unchecked.joined(separator: "\n") + "\n").utf8)
        try oldLog.write(to: logURL)
        var state = try ProgressStateFile.decoded(url)
        state.format = 3
        let reflected = unchecked.prefix(state.logLines).reduce(0) { $0 + $1.utf8.count + 1 }
        state.logBytes = reflected
        try ProgressCodec.fileEncoder().encode(state).write(to: url)

        let read = try #require(try ProgressDocument.read(at: url))
        #expect(read.document == expected)
        #expect(read.warnings.contains { $0.contains("format 3") })
        let store = try ProgressFixtures.open(url)
        #expect(store.cards == expected.cards && store.log == expected.reviews)
        #expect(store.warnings.contains { $0.contains("migrated from format 3") })
        store.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: logURL.path + ".bak")) == oldLog)
        let sealed = try ProgressFixtures.logLines(url)
        #expect(sealed.map { String($0.dropLast(#","crc32c":"12345678"}"#.count)) + "}" } == unchecked)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("\"format\" : 4"))
        let again = try #require(try ProgressDocument.read(at: url))
        #expect(again.document.reviews == expected.reviews && again.warnings.isEmpty)
    }
}

extension ProgressStateFile {
    /// The state file at `url`, decoded by `JSONDecoder`.
    static func decoded(_ url: URL) throws -> ProgressStateFile {
        try ProgressCodec.decoder().decode(ProgressStateFile.self, from: Data(contentsOf: url))
    }
}
