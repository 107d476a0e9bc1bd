import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// End-to-end tests of `srmquiz progress …`, running the built binary.
@Suite struct ProgressCommandTests {
    /// Runs the binary with `arguments`, HOME set to `home` and no XDG variable but those in
    /// `extra` (``CLI/Environment/bare``).
    static func run(
        _ arguments: [String], home: URL, extra: [String: String] = [:], input: String = "",
        timeLimit: TimeInterval = 120
    ) throws -> CLI.Result {
        try CLI.run(
            arguments, input: input, home: home, environment: extra, base: .bare, timeLimit: timeLimit)
    }

    @Test func pathFollowsXDGAndLearner() throws {
        let temp = ProgressTempFolder()
        let run = try Self.run(
            ["progress", "path", "--learner", "kim"], home: temp.url, extra: ["XDG_DATA_HOME": "/xdg"])
        #expect(run.status == 0)
        #expect(run.stdout == "/xdg/srmquiz/kim.json\n")
        let bad = try Self.run(["progress", "path", "--learner", "../kim"], home: temp.url)
        #expect(bad.status != 0 && bad.stderr.contains("invalid learner name"))
    }

    @Test func showAndReportWorkWhileASessionHoldsTheFile() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("held.json")
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        for n in 0..<3 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        let show = try Self.run(
            ["progress", "show", "--progress", url.path, "--no-bundled", "--json"], home: temp.url)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("\"reviews\" : 3"))
        let report = try Self.run(
            ["report", "--progress", url.path, "--no-bundled", "--format", "json"], home: temp.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"reviews\" : 3"), "\(report.stdout)")
        // The session's lock still holds against a second writer.
        let rebuild = try Self.run(["progress", "rebuild", "--progress", url.path], home: temp.url)
        #expect(
            rebuild.status == 1
                && rebuild.stderr.contains("in use by another srmquiz process (process \(getpid()))"))
    }

    @Test func aMissingFolderIsAnErrorUnlessCreateAndANewLearnerIsAnnounced() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("no/such/dir/p.json")
        let refused = try Self.run(["progress", "rebuild", "--progress", url.path], home: temp.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(temp.file("no/such/dir").path) && refused.stderr.contains("--create"))
        #expect(!FileManager.default.fileExists(atPath: temp.file("no").path))
        let created = try Self.run(
            ["progress", "rebuild", "--progress", url.path, "--create"], home: temp.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("new learner 'default' at \(url.path)"))
        let typo = try Self.run(["progress", "rebuild", "--learner", "anm"], home: temp.url)
        #expect(typo.stderr.contains("new learner 'anm'"))
    }

    @Test func rebuildSkippingDamagedLinesKeepsThemAside() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("d.json")
        do {
            let store = try ProgressFixtures.open(url)
            for n in 0..<5 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
            store.close()
        }
        var lines = try ProgressFixtures.logLines(url)
        lines[2] = "{" + String(repeating: "#", count: lines[2].count - 1)  // same length: bit rot
        let logURL = ProgressFixtures.log(of: url)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: logURL)
        let show = try Self.run(["progress", "show", "--progress", url.path, "--no-bundled"], home: temp.url)
        #expect(show.status == 1 && show.stdout.isEmpty)
        #expect(show.stderr.contains(logURL.path + ":3:") && show.stderr.contains("--skip-damaged"))
        let plain = try Self.run(["progress", "rebuild", "--progress", url.path], home: temp.url)
        #expect(plain.status == 1 && plain.stderr.contains(logURL.path + ":3:"))
        let run = try Self.run(
            ["progress", "rebuild", "--progress", url.path, "--skip-damaged"], home: temp.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("left out line 3"))
        #expect(run.stdout.contains("from 4 reviews"))
        #expect(
            try String(contentsOf: URL(fileURLWithPath: logURL.path + ".damaged"), encoding: .utf8) == lines[
                2] + "\n")
        let after = try Self.run(
            ["progress", "show", "--progress", url.path, "--no-bundled"], home: temp.url)
        #expect(after.status == 0 && after.stdout.contains("Reviews    4 done"), "\(after.stderr)")
    }

    @Test func showReportsACorruptFileAndLeavesItAlone() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("bad.json")
        let content = Data("{\n  \"format\": 3,\n  oops\n}\n".utf8)
        try content.write(to: url)
        let run = try Self.run(["progress", "show", "--progress", url.path, "--no-bundled"], home: temp.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains(url.path + ":3:"))
        #expect(try Data(contentsOf: url) == content)
        #expect(!FileManager.default.fileExists(atPath: url.path + ".bak"))
    }

    @Test func aFlippedByteInTheLogStopsShowReportAndAStudySession() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressStore.open(
            at: url, learner: "ann", createWith: SchedulerSettings(), clock: SystemClock())
        for n in 0..<5 {
            let entry = ReviewLogEntry(itemID: "item-\(n)", time: Date(), rating: .good, mode: "study")
            try store.record(
                entry, card: Card(phase: .review, due: Date().addingTimeInterval(86_400), reps: 1))
        }
        store.close()
        let log = URL(fileURLWithPath: url.deletingPathExtension().path + ".reviews.jsonl")
        var bytes = [UInt8](try Data(contentsOf: log))
        let second = try #require(bytes.firstIndex(of: 0x0A)) + 1
        bytes[second + 30] ^= 0x04
        try Data(bytes).write(to: log)
        for command in [["progress", "show"], ["report"], ["study"]] {
            let run = try Self.run(command + ["--progress", url.path], home: temp.url)
            #expect(run.status == 1, "\(command)")
            #expect(
                run.stderr.contains("\(log.path):2: review log line (at byte \(second))")
                    && run.stderr.contains("integrity check")
                    && run.stderr.contains("rebuild --skip-damaged"),
                "\(command): \(run.stderr)")
        }
        #expect(try Data(contentsOf: log) == Data(bytes), "nothing was acknowledged into it")
    }

    @Test func showPrintsJSONAndTextFromTheDefaultFile() throws {
        let temp = ProgressTempFolder()
        let url = temp.file(".local/share/srmquiz/default.json")
        do {
            let store = try ProgressFixtures.open(url)
            for n in 0..<10 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
            store.close()
        }
        let run = try Self.run(["progress", "show", "--json", "--no-bundled"], home: temp.url)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["reviews"] as? Int == 10)
        #expect(object["learner"] as? String == "tester")
        #expect(object["file"] as? String == url.path)
        #expect((object["cards"] as? [String: Any])?.count == 4)
        #expect(run.stderr.contains("orphans are not counted"))
        let text = try Self.run(["progress", "show", "--no-bundled"], home: temp.url)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Reviews    10 done"))
        // Wrapped at 80 columns; only a path longer than the line stands alone, whole.
        for line in text.stdout.split(separator: "\n")
        where line.trimmingCharacters(in: .whitespaces).contains(" ") {
            #expect(line.count <= 80, "\(line)")
        }
        #expect(text.stdout.contains(url.path))
    }

    @Test func rebuildChangesTheSettingsAndKeepsTheLog() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("r.json")
        do {
            let store = try ProgressFixtures.open(url)
            for n in 0..<10 { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
            store.close()
        }
        let run = try Self.run(
            ["progress", "rebuild", "--progress", url.path, "--scheduler", "sm2", "--retention", "0.85"],
            home: temp.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Rebuilt 7 cards from 10 reviews with sm2"))
        let document = try #require(try ProgressDocument.read(at: url)).document
        #expect(document.settings.kind == .sm2 && document.settings.desiredRetention == 0.85)
        #expect(document.reviews == (0..<10).map { ProgressFixtures.entry($0) })
        let expected = ProgressRebuilder.rebuild(
            log: document.reviews, existing: [:], scheduler: try document.settings.makeScheduler())
        #expect(document.cards == expected.cards)
        let bad = try Self.run(
            ["progress", "rebuild", "--progress", url.path, "--retention", "2"], home: temp.url)
        #expect(bad.status != 0 && bad.stderr.contains("--retention"))
    }

    @Test func restoreRecoversFromTheBackup() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("s.json")
        do {
            let store = try ProgressFixtures.open(url)
            try store.record(ProgressFixtures.entry(0), card: ProgressFixtures.card(0))
            store.close()
        }
        let refused = try Self.run(["progress", "restore", "--progress", url.path], home: temp.url)
        #expect(refused.status == 1 && refused.stderr.contains("--force"))
        try Data("garbage".utf8).write(to: url)
        let run = try Self.run(["progress", "restore", "--progress", url.path], home: temp.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Restored \(url.path)"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: temp.url.path)
            .filter { $0.hasPrefix("s.json.corrupt-") }
        #expect(aside.count == 1)
        let show = try Self.run(
            ["progress", "show", "--progress", url.path, "--no-bundled", "--json"], home: temp.url)
        #expect(show.status == 0, "\(show.stderr)")
    }
}
