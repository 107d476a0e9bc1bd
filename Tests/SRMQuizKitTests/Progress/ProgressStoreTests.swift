import Foundation
import SRMQuizKit
import Testing

@Suite struct ProgressStoreTests {
    @Test func createsTheFileAndFolderPrivately() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("deep/er/learner.json")
        let settings = SchedulerSettings(kind: .sm2, desiredRetention: 0.8)
        let store = try ProgressStore.open(
            at: url, learner: "learner", createWith: settings, clock: ProgressFixtures.clock())
        defer { store.close() }
        #expect(FileManager.default.fileExists(atPath: url.path))
        #expect(try ProgressFixtures.mode(url) == 0o600)
        #expect(try ProgressFixtures.mode(temp.file("deep/er")) == 0o700)
        #expect(try ProgressFixtures.mode(temp.file("deep")) == 0o700)
        try store.record(ProgressFixtures.entry(1), card: ProgressFixtures.card(1))
        #expect(try ProgressFixtures.mode(URL(fileURLWithPath: url.path + ".journal")) == 0o600)
        #expect(try ProgressFixtures.mode(URL(fileURLWithPath: url.path + ".lock")) == 0o600)
        let onDisk = try ProgressCodec.decode(try Data(contentsOf: url), file: url.path).document
        #expect(onDisk.learner == "learner" && onDisk.settings == settings)
        #expect(onDisk.created == ProgressFixtures.start)
    }

    @Test func recordsSurviveReopening() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let entries = (0..<30).map { ProgressFixtures.entry($0) }
        do {
            let store = try ProgressFixtures.open(url)
            for (n, entry) in entries.enumerated() { try store.record(entry, card: ProgressFixtures.card(n)) }
            #expect(store.log == entries)
            store.close()
        }
        #expect(!FileManager.default.fileExists(atPath: url.path + ".journal"), "close compacts")
        let store = try ProgressFixtures.open(url, offset: 999)
        defer { store.close() }
        #expect(store.log == entries)
        #expect(store.cards["item-2"] == ProgressFixtures.card(23))
        #expect(store.cards.count == 7)
        #expect(store.document.phasesBefore.prefix(7).allSatisfy { $0 == .new })
        #expect(store.document.created == ProgressFixtures.start)
    }

    @Test func journalIsReplayedAfterACrash() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        for n in 0..<12 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        try store.updateSettings(SchedulerSettings(kind: .sm2))
        try store.undoLast()
        // What the disk holds right now: the old file plus the journal, as after a SIGKILL.
        let journal = try String(contentsOf: URL(fileURLWithPath: url.path + ".journal"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 14)
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crash"))
        let reopened = try ProgressFixtures.open(copy)
        defer { reopened.close() }
        #expect(reopened.log == store.log)
        #expect(reopened.cards == store.cards)
        #expect(reopened.settings.kind == .sm2)
        #expect(reopened.document == store.document)
        #expect(reopened.warnings.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: copy.path + ".journal"), "opening compacts")
    }

    @Test func acknowledgedAnswersSurviveACrashMidWrite() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        var acknowledged: [ReviewLogEntry] = []
        for n in 0..<25 {
            try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n))
            acknowledged.append(ProgressFixtures.entry(n))
        }
        // The crash: the process dies halfway through writing answer 26 (no close, no compaction).
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crash"))
        let journalURL = URL(fileURLWithPath: copy.path + ".journal")
        let journal = try Data(contentsOf: journalURL)
        let lastLine = try #require(journal.dropLast().split(separator: 0x0A).last)
        var torn = journal
        torn.append(Data(lastLine).prefix(lastLine.count / 2))  // half of a line like the others
        try torn.write(to: journalURL)
        let reopened = try ProgressFixtures.open(copy)
        defer { reopened.close() }
        #expect(reopened.log == acknowledged)
        #expect(reopened.cards == store.cards)
        #expect(reopened.warnings.count == 1)
        #expect(reopened.warnings.first?.contains("incomplete last line") == true)
        // The torn line is gone; recording continues cleanly.
        try reopened.record(ProgressFixtures.entry(25), card: ProgressFixtures.card(25))
        reopened.close()
        let again = try ProgressFixtures.open(copy)
        defer { again.close() }
        #expect(again.log == acknowledged + [ProgressFixtures.entry(25)])
        #expect(again.warnings.isEmpty)
    }

    @Test func aBadLineInsideTheJournalIsAnErrorAndChangesNothing() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        for n in 0..<3 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crash"))
        store.close()
        let journalURL = URL(fileURLWithPath: copy.path + ".journal")
        var lines = try String(contentsOf: journalURL, encoding: .utf8).split(separator: "\n").map(
            String.init)
        lines[1] = "{not json"
        let broken = Data((lines.joined(separator: "\n") + "\n").utf8)
        try broken.write(to: journalURL)
        let before = try Data(contentsOf: copy)
        #expect {
            try ProgressFixtures.open(copy)
        } throws: { error in
            guard case .journalCorrupt(let file, let line, _)? = error as? ProgressError else { return false }
            return file == journalURL.path && line == 2
        }
        #expect(try Data(contentsOf: copy) == before)
        #expect(try Data(contentsOf: journalURL) == broken)
    }

    @Test func eventsAlreadyInTheFileAreNotAppliedTwice() throws {
        // A crash after the compacted file was renamed into place but before the journal was removed.
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        for n in 0..<5 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        let journal = try Data(contentsOf: URL(fileURLWithPath: url.path + ".journal"))
        store.close()
        try journal.write(to: URL(fileURLWithPath: url.path + ".journal"))
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(reopened.log == (0..<5).map { ProgressFixtures.entry($0) })
    }

    @Test func undoRestoresTheCardExactly() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(try store.undoLast() == nil)
        let first = ProgressFixtures.entry(0, item: "a")
        try store.record(first, card: ProgressFixtures.card(0))
        try store.record(ProgressFixtures.entry(1, item: "b"), card: ProgressFixtures.card(1))
        try store.record(ProgressFixtures.entry(2, item: "a"), card: ProgressFixtures.card(2))
        #expect(try store.undoLast() == ProgressFixtures.entry(2, item: "a"))
        #expect(store.cards["a"] == ProgressFixtures.card(0))
        #expect(store.log.count == 2)
        // Undo survives reopening (through the journal and through compaction).
        store.close()
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(try reopened.undoLast()?.itemID == "b")
        #expect(reopened.cards["b"] == nil, "an item without a card before has none after undo")
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crash"))
        let crashed = try ProgressFixtures.open(copy)
        defer { crashed.close() }
        #expect(crashed.cards == ["a": ProgressFixtures.card(0)])
        #expect(try crashed.undoLast() == first)
        #expect(crashed.cards.isEmpty && crashed.log.isEmpty)
        #expect(try crashed.undoLast() == nil)
    }

    @Test func undoHistoryIsBounded() throws {
        let temp = ProgressTempFolder()
        let store = try ProgressFixtures.open(temp.file("p.json"))
        defer { store.close() }
        let depth = ProgressDocument.undoDepth
        for n in 0..<(depth + 5) {
            try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n))
        }
        for _ in 0..<depth { try store.undoLast() }
        #expect(store.log.count == 5)
        #expect(throws: ProgressError.undoUnavailable(file: store.url.path)) { try store.undoLast() }
        #expect(store.log.count == 5)
    }

    @Test func aSecondOpenIsRefusedWhileTheFileIsOpen() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        #expect {
            try ProgressFixtures.open(url)
        } throws: { error in
            guard case .locked(let file, let pid)? = error as? ProgressError else { return false }
            return file == url.path && pid == getpid() && "\(error)".contains(url.path)
        }
        store.close()
        let second = try ProgressFixtures.open(url)
        second.close()
    }

    @Test(arguments: [
        ("not json at all", "invalidJSON"),
        (#"{"format": 2, "learner": "x"}"#, "missingField"),
        (#"{"format": 2, "learner": "x", "created": "2025-03-01T09:30:00Z", "cards": []}"#, "invalidField"),
        (#"{"format": 9, "learner": "x"}"#, "unsupportedFormat"),
        ("", "invalidJSON"),
    ])
    func aBadFileIsLeftUntouched(content: String, kind: String) throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Data(content.utf8).write(to: url)
        #expect {
            try ProgressFixtures.open(url)
        } throws: { error in
            let text = "\(error)"
            return text.contains(url.path) && Mirror(reflecting: error).children.first?.label == kind
        }
        #expect(try Data(contentsOf: url) == Data(content.utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: temp.url.path).sorted()
        #expect(names == ["p.json", "p.json.lock"])
    }

    @Test func aMissingFileWithAJournalIsNotStartedAfresh() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: url.path + ".journal"))
        #expect(throws: ProgressError.missingWithLeftovers(file: url.path, leftover: url.path + ".journal")) {
            try ProgressFixtures.open(url)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func compactionKeepsThePreviousFileAsBackup() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        try store.record(ProgressFixtures.entry(0), card: ProgressFixtures.card(0))
        try store.compact()
        let afterFirst = try Data(contentsOf: url)
        try store.record(ProgressFixtures.entry(1), card: ProgressFixtures.card(1))
        store.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: url.path + ".bak")) == afterFirst)
        #expect(try ProgressFixtures.mode(URL(fileURLWithPath: url.path + ".bak")) == 0o600)
        #expect(try ProgressCodec.decode(try Data(contentsOf: url), file: "p").document.reviews.count == 2)
    }

    @Test func restoreBringsBackTheBackupAndKeepsTheDamagedFile() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        try store.record(ProgressFixtures.entry(0), card: ProgressFixtures.card(0))
        try store.compact()
        try store.record(ProgressFixtures.entry(1), card: ProgressFixtures.card(1))
        store.close()
        let backup = try Data(contentsOf: URL(fileURLWithPath: url.path + ".bak"))
        #expect(throws: ProgressError.restoreRefused(file: url.path)) {
            try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        }
        let garbage = Data("{\"format\": 2, \"lear".utf8)
        try garbage.write(to: url)
        let result = try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        #expect(result.reviews == 1)
        #expect(try Data(contentsOf: url) == backup)
        #expect(result.setAside == [url.path + ".corrupt-20250301T093000Z"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: result.setAside[0])) == garbage)
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(reopened.log == [ProgressFixtures.entry(0)])
    }

    @Test func restoreRefusesWithoutAGoodBackup() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Data("garbage".utf8).write(to: url)
        #expect(throws: ProgressError.backupMissing(file: url.path)) {
            try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        }
        try Data("also garbage".utf8).write(to: URL(fileURLWithPath: url.path + ".bak"))
        #expect {
            try ProgressRestore.restore(at: url, force: true, clock: ProgressFixtures.clock())
        } throws: { error in
            guard case .backupCorrupt(let backup, _)? = error as? ProgressError else { return false }
            return backup == url.path + ".bak"
        }
        #expect(try Data(contentsOf: url) == Data("garbage".utf8))
    }

    @Test func migratesAVersionOneFileOnOpen() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("alice.json")
        try FileManager.default.copyItem(at: ProgressFixtures.v1Fixture, to: url)
        let original = try Data(contentsOf: url)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(store.learner == "alice")
        #expect(store.log.count == 3)
        #expect(store.warnings.contains { $0.contains("migrated from format 1") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: url.path + ".bak")) == original)
        #expect(try ProgressCodec.decode(try Data(contentsOf: url), file: "a").format == 2)
    }

    @Test func replaceCardsWritesAtOnceAndClearsUndo() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        try store.record(ProgressFixtures.entry(0), card: ProgressFixtures.card(0))
        let settings = SchedulerSettings(kind: .sm2, desiredRetention: 0.8)
        try store.replaceCards(["x": ProgressFixtures.card(5)], phasesBefore: [.learning], settings: settings)
        let onDisk = try ProgressCodec.decode(try Data(contentsOf: url), file: "p").document
        #expect(onDisk.cards == ["x": ProgressFixtures.card(5)] && onDisk.settings == settings)
        #expect(onDisk.phasesBefore == [.learning] && onDisk.undo.isEmpty)
        #expect(throws: ProgressError.undoUnavailable(file: url.path)) { try store.undoLast() }
    }

    @Test func orphansAreReportedAndKept() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        for n in 0..<7 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        #expect(
            store.orphans(knownItemIDs: ["item-0", "item-1", "item-2", "item-3", "item-4"]) == [
                "item-5", "item-6",
            ])
        store.close()
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(reopened.cards.count == 7)
    }

    @Test func aClosedStoreRefusesWrites() throws {
        let temp = ProgressTempFolder()
        let store = try ProgressFixtures.open(temp.file("p.json"))
        store.close()
        #expect(throws: ProgressError.closed(file: store.url.path)) {
            try store.record(ProgressFixtures.entry(0), card: ProgressFixtures.card(0))
        }
    }
}
