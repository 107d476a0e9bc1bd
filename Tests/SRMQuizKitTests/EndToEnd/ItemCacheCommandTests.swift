import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// The question cache seen from the binary: the second session reads it and asks the same
/// questions; `SRMQUIZ_NO_CACHE` leaves no cache; an edited bank is seen at once.
@Suite struct ItemCacheCommandTests {
    static let answers = "a\nb\nc\n"

    @Test func theSecondRunUsesTheCacheAndAsksTheSameQuestions() throws {
        let home = try CLI.temporaryDirectory()
        let cache = home.appendingPathComponent(".cache/srmquiz/items-seeded.cache").path
        let arguments = ["quiz", "--count", "3", "--seed", "3", "--no-record"]
        let first = try CLI.run(arguments, input: Self.answers, home: home)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try #require(try? FileManager.default.attributesOfItem(atPath: cache))
        let second = try CLI.run(arguments, input: Self.answers, home: home)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        // A hit reads the file and leaves it as it was.
        let after = try FileManager.default.attributesOfItem(atPath: cache)
        #expect(after[.modificationDate] as? Date == written[.modificationDate] as? Date)
    }

    @Test func aQuizWithItsOwnSeedLeavesTheStudyCacheAlone() throws {
        let home = try CLI.temporaryDirectory()
        let folder = home.appendingPathComponent(".cache/srmquiz")
        #expect(try CLI.run(["study"], input: "", home: home).status == 0)
        let study = folder.appendingPathComponent("items.cache").path
        let before = try Data(contentsOf: URL(fileURLWithPath: study))
        #expect(
            try CLI.run(["quiz", "--count", "1", "--seed", "9", "--no-record"], input: "a\n", home: home)
                .status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: study)) == before)
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("items-seeded.cache").path))
    }

    @Test func noCacheWhenTurnedOff() throws {
        let home = try CLI.temporaryDirectory()
        let result = try CLI.run(
            ["quiz", "--count", "2", "--seed", "3", "--no-record"], input: Self.answers, home: home,
            environment: ["SRMQUIZ_NO_CACHE": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".cache").path))
    }

    @Test func anEditedBankIsSeenAtOnce() throws {
        let home = try CLI.temporaryDirectory()
        let bank = home.appendingPathComponent("bank.yaml")
        try BankFixture.minimal.write(to: bank, atomically: true, encoding: .utf8)
        let names = [
            "quiz", "--count", "1", "--seed", "1", "--no-record", "--no-bundled", "--bank", bank.path,
        ]
        #expect(try CLI.run(names, input: "a\n", home: home).status == 0)
        // Rename a service in place, keeping the file's size.
        let text = try String(contentsOf: bank, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "Amazon EC2", with: "Amazon EC9")
        #expect(edited != text)
        try edited.write(to: bank, atomically: true, encoding: .utf8)
        let again = try CLI.run(names + ["--service", "ec2"], input: "a\n", home: home)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Amazon EC9"))
        #expect(!again.stdout.contains("Amazon EC2"))
    }
}
