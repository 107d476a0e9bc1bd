import Foundation
import SRMQuizKit
import Testing

@Suite struct ProgressStoreTests {
    @Test func createsTheFilesPrivatelyAndAnnouncesTheNewLearner() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("deep/er/learner.json")
        let settings = SchedulerSettings(kind: .sm2, desiredRetention: 0.8)
        let store = try ProgressStore.open(
            at: url, learner: "learner", createWith: settings, clock: ProgressFixtures.clock())
        defer { store.close() }
        #expect(store.warnings == ["new learner 'learner' at \(url.path)"])
        try store.record(ProgressFixtures.entry(1), card: ProgressFixtures.card(1))
        for file in [url, ProgressFixtures.log(of: url), URL(fileURLWithPath: url.path + ".lock")] {
            #expect(try ProgressFixtures.mode(file) == 0o600, "\(file.path)")
        }
        #expect(try ProgressFixtures.mode(temp.file("deep/er")) == 0o700)
        #expect(try ProgressFixtures.mode(temp.file("deep")) == 0o700)
        let (document, _) = try #require(try ProgressDocument.read(at: url))
        #expect(document.learner == "learner" && document.settings == settings)
        #expect(document.created == ProgressFixtures.start)
        #expect(document.reviews == [ProgressFixtures.entry(1)])
    }

    @Test func recordsSurviveReopeningAndCloseRewritesOnlyTheState() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let entries = (0..<30).map { ProgressFixtures.entry($0) }
        do {
            let store = try ProgressFixtures.open(url)
            for (n, entry) in entries.enumerated() { try store.record(entry, card: ProgressFixtures.card(n)) }
            #expect(store.log == entries)
            store.close()
        }
        #expect(try ProgressFixtures.logLines(url).count == 30)
        let state = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(state["format"] as? Int == 4 && state["logLines"] as? Int == 30 && state["reviews"] == nil)
        let store = try ProgressFixtures.open(url, offset: 999)
        defer { store.close() }
        #expect(store.warnings.isEmpty)
        #expect(store.reviews(since: entries[25].time) == Array(entries[25...]))
        #expect(!store.isLogLoaded, "reviews(since:) reads the log's end only")
        #expect(store.log == entries)
        #expect(store.cards["item-2"] == ProgressFixtures.card(23))
        #expect(store.cards.count == 7)
        #expect(store.document.phasesBefore.prefix(7).allSatisfy { $0 == .new })
    }

    @Test func timesAreKeptToTheMillisecondAsTheFileHoldsThem() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        var entry = ProgressFixtures.entry(0)
        entry.time = ProgressFixtures.start.addingTimeInterval(0.000_4)
        try store.record(entry, card: ProgressFixtures.card(0))
        #expect(store.log.first?.time == ProgressFixtures.start)
        store.close()
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(reopened.log.first?.time == ProgressFixtures.start)
        var bad = ProgressFixtures.entry(1)
        bad.time = Date(timeIntervalSince1970: 300_000_000_000)  // year 11476
        #expect(throws: ProgressError.self) { try reopened.record(bad, card: ProgressFixtures.card(1)) }
        #expect(reopened.logLineCount == 1, "a time the file cannot hold is not recorded")
    }

    @Test func anUnclosedSessionIsReplayedFromTheLog() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        for n in 0..<12 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        try store.updateSettings(SchedulerSettings(kind: .sm2))
        try store.undoLast()
        // What the disk holds right now, as after a SIGKILL: the state of the creation, and the log.
        #expect(try ProgressFixtures.logLines(url).count == 14)
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crash"))
        let reopened = try ProgressFixtures.open(copy)
        #expect(reopened.log == store.log)
        #expect(reopened.cards == store.cards)
        #expect(reopened.settings.kind == .sm2)
        #expect(reopened.document == store.document)
        #expect(reopened.warnings.isEmpty)
        reopened.close()
        let state = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: copy)) as? [String: Any])
        #expect(state["logLines"] as? Int == 14, "closing after a replay brings the state up to date")
    }

    @Test func aTornLastLineIsLeftOutAndRecordingContinues() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        var acknowledged: [ReviewLogEntry] = []
        for n in 0..<25 {
            try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n))
            acknowledged.append(ProgressFixtures.entry(n))
        }
        // The crash: the process dies halfway through writing answer 26.
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crash"))
        let logURL = ProgressFixtures.log(of: copy)
        let log = try Data(contentsOf: logURL)
        let lastLine = try #require(log.dropLast().split(separator: 0x0A).last)
        try (log + Data(lastLine).prefix(lastLine.count / 2)).write(to: logURL)
        // A reader sees the acknowledged answers and leaves the torn line alone.
        let read = try #require(try ProgressDocument.read(at: copy))
        #expect(read.document.reviews == acknowledged)
        #expect(try Data(contentsOf: logURL).count > log.count)
        let reopened = try ProgressFixtures.open(copy)
        defer { reopened.close() }
        #expect(reopened.log == acknowledged)
        #expect(reopened.cards == store.cards)
        #expect(reopened.warnings.count == 1 && reopened.warnings[0].contains("incomplete last line"))
        try reopened.record(ProgressFixtures.entry(25), card: ProgressFixtures.card(25))
        reopened.close()
        let again = try ProgressFixtures.open(copy)
        defer { again.close() }
        #expect(again.log == acknowledged + [ProgressFixtures.entry(25)])
        #expect(again.warnings.isEmpty)
    }

    @Test func aDamagedLineIsAnErrorNamingTheLineAndChangesNothing() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        for n in 0..<3 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        store.close()
        let logURL = ProgressFixtures.log(of: url)
        var lines = try ProgressFixtures.logLines(url)
        let second = lines[0].utf8.count + 1
        // Bit rot: one letter changed, the same length.
        let rotten = lines[1].replacingOccurrences(of: "\"rating\":", with: "\"ratinX\":")
        let state = try Data(contentsOf: url)
        // Bit rot fails the line's check; an edit that makes the check anew fails the schema.
        for (edited, reason) in [
            (rotten, "integrity check"), (ProgressFixtures.resealed(rotten), "review.rating"),
        ] {
            lines[1] = edited
            let broken = Data((lines.joined(separator: "\n") + "\n").utf8)
            try broken.write(to: logURL)
            // A session refuses a log whose checks fail (it does not decode the lines the state
            // reflects, so a resealed line is for the readers to refuse).
            let reader: () throws -> Void = { _ = try ProgressDocument.read(at: url) }
            let writer: () throws -> Void = { _ = try ProgressFixtures.open(url) }
            for attempt in reason == "integrity check" ? [reader, writer] : [reader] {
                #expect {
                    try attempt()
                } throws: { error in
                    guard
                        case .logDamaged(let file, let line, let offset, let message)? = error
                            as? ProgressError
                    else { return false }
                    return file == logURL.path && line == 2 && offset == second && message.contains(reason)
                        && "\(error)".contains("progress rebuild --skip-damaged")
                }
            }
            #expect(try Data(contentsOf: url) == state)
            #expect(try Data(contentsOf: logURL) == broken)
        }
    }

    @Test func aLogShorterThanTheStateSaysIsRefused() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        for n in 0..<3 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        store.close()
        let lines = try ProgressFixtures.logLines(url)
        try Data((lines[0] + "\n").utf8).write(to: ProgressFixtures.log(of: url))
        #expect {
            try ProgressFixtures.open(url)
        } throws: { error in
            guard case .logMismatch(let file, _)? = error as? ProgressError else { return false }
            return file == ProgressFixtures.log(of: url).path
        }
    }

    @Test func undoRestoresTheCardExactlyAcrossReopening() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        do {
            let store = try ProgressFixtures.open(url)
            try store.record(ProgressFixtures.entry(0, item: "a"), card: ProgressFixtures.card(0))
            try store.record(ProgressFixtures.entry(1, item: "a"), card: ProgressFixtures.card(1))
            try store.record(ProgressFixtures.entry(2, item: "b"), card: ProgressFixtures.card(2))
            #expect(try store.undoLast() == ProgressFixtures.entry(2, item: "b"))
            #expect(store.cards["b"] == nil)
            store.close()
        }
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        #expect(try store.undoLast() == ProgressFixtures.entry(1, item: "a"))
        #expect(store.cards["a"] == ProgressFixtures.card(0))
        #expect(try store.undoLast() == ProgressFixtures.entry(0, item: "a"))
        #expect(store.cards.isEmpty)
        #expect(try store.undoLast() == nil)
        #expect(store.log.isEmpty)
        store.close()
        let again = try ProgressFixtures.open(url)
        defer { again.close() }
        #expect(again.log.isEmpty && again.cards.isEmpty)
        #expect(try ProgressFixtures.logLines(url).count == 6)
    }

    @Test func aSecondWriterIsRefusedWithTheHoldersProcessID() throws {
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

    @Test func readersSeeEveryAcknowledgedAnswerWhileASessionRecords() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        for n in 0..<4 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        let files = try FileManager.default.contentsOfDirectory(atPath: temp.url.path).sorted()
        let state = try Data(contentsOf: url)
        let (document, warnings) = try #require(try ProgressDocument.read(at: url))
        #expect(document.reviews == (0..<4).map { ProgressFixtures.entry($0) })
        #expect(document.cards == store.cards)
        #expect(warnings.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path).sorted() == files)
        #expect(try Data(contentsOf: url) == state)
        try store.record(ProgressFixtures.entry(4), card: ProgressFixtures.card(4))
        #expect(try ProgressDocument.read(at: url)?.document.reviews.count == 5)
    }

    @Test func readersApplyAnUndoOfAnAnswerTheStateReflects() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        do {
            let store = try ProgressFixtures.open(url)
            for n in 0..<3 {
                try store.record(ProgressFixtures.entry(n, item: "a"), card: ProgressFixtures.card(n))
            }
            store.close()
        }
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        try store.undoLast()
        try store.undoLast()
        let (document, _) = try #require(try ProgressDocument.read(at: url))
        #expect(document.reviews == [ProgressFixtures.entry(0, item: "a")])
        #expect(document.cards == ["a": ProgressFixtures.card(0)])
        #expect(document.cards == store.cards)
    }

    @Test(arguments: [
        ("not json at all", "invalidJSON"),
        (#"{"format": 3, "learner": "x"}"#, "missingField"),
        (#"{"format": 2, "learner": "x", "created": "2025-03-01T09:30:00Z", "cards": []}"#, "invalidField"),
        (#"{"format": 9, "learner": "x"}"#, "unsupportedFormat"),
        ("", "invalidJSON"),
    ])
    func aBadStateFileIsLeftUntouched(content: String, kind: String) throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Data(content.utf8).write(to: url)
        #expect {
            try ProgressFixtures.open(url)
        } throws: { error in
            "\(error)".contains(url.path) && Mirror(reflecting: error).children.first?.label == kind
        }
        #expect(try Data(contentsOf: url) == Data(content.utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: temp.url.path).sorted()
        #expect(names == ["p.json", "p.json.lock"])
    }

    @Test func aMissingStateWithALogIsNotStartedAfresh() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Data("{}\n".utf8).write(to: ProgressFixtures.log(of: url))
        #expect(
            throws: ProgressError.missingWithLeftovers(
                file: url.path, leftover: ProgressFixtures.log(of: url).path)
        ) {
            try ProgressFixtures.open(url)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func closeKeepsThePreviousStateAsBackupAndRestoreBringsItBack() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        try store.record(ProgressFixtures.entry(0), card: ProgressFixtures.card(0))
        try store.compact()
        let afterFirst = try Data(contentsOf: url)
        try store.record(ProgressFixtures.entry(1), card: ProgressFixtures.card(1))
        store.close()
        let backup = URL(fileURLWithPath: url.path + ".bak")
        #expect(try Data(contentsOf: backup) == afterFirst)
        #expect(try ProgressFixtures.mode(backup) == 0o600)
        #expect(throws: ProgressError.restoreRefused(file: url.path)) {
            try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        }
        let garbage = Data("{\"format\": 3, \"lear".utf8)
        try garbage.write(to: url)
        let result = try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        #expect(try Data(contentsOf: url) == afterFirst)
        #expect(result.setAside == [url.path + ".corrupt-20250301T093000Z"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: result.setAside[0])) == garbage)
        // The log still holds the answer the backup does not reflect: nothing is lost.
        #expect(result.reviews == 2)
        let reopened = try ProgressFixtures.open(url)
        defer { reopened.close() }
        #expect(reopened.log == [ProgressFixtures.entry(0), ProgressFixtures.entry(1)])
        #expect(reopened.cards["item-1"] == ProgressFixtures.card(1))
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

    @Test func replaceCardsRewritesTheLogWithTheRebuiltCards() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        for n in 0..<6 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        try store.undoLast()
        let settings = SchedulerSettings(kind: .sm2, desiredRetention: 0.8)
        let result = ProgressRebuilder.rebuild(
            log: store.log, existing: store.cards, scheduler: try settings.makeScheduler())
        try store.replaceCards(with: result, settings: settings)
        #expect(try ProgressFixtures.logLines(url).count == 6, "a settings line and the 5 answers in effect")
        #expect(FileManager.default.fileExists(atPath: ProgressFixtures.log(of: url).path + ".bak"))
        let (document, _) = try #require(try ProgressDocument.read(at: url))
        #expect(document.cards == result.cards && document.settings == settings)
        #expect(document.reviews == (0..<5).map { ProgressFixtures.entry($0) })
        #expect(document.phasesBefore == result.phasesBefore)
        // Undo now restores the rebuilt card before the last answer.
        try store.undoLast()
        #expect(store.cards[ProgressFixtures.entry(4).itemID] == nil)
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
