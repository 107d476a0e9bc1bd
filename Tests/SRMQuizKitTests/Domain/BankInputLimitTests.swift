import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bounded input for banks and the other loader inputs (issue 14, item 2): alias bombs, FIFOs,
/// devices and oversized files are refused at once, with the file (and line) named.
@Suite struct BankInputLimitTests {
    /// A file in a fresh temporary folder holding `text`.
    static func file(_ name: String, _ text: String) throws -> String {
        let url = try CLI.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Nine levels of ten aliases each: about 10⁹ nodes once expanded, from 110 written.
    static let aliasBomb =
        (0..<9).map { level in
            let name = "l\(level)"
            let items =
                level == 0 ? Array(repeating: "x", count: 10) : Array(repeating: "*l\(level - 1)", count: 10)
            return "\(name): &\(name) [\(items.joined(separator: ", "))]"
        }.joined(separator: "\n") + "\n"

    @Test func anAliasBombIsRefusedQuicklyWithTheFileAndTheLineOfTheAlias() throws {
        let path = try Self.file("bomb.yaml", Self.aliasBomb)
        let start = Date()
        let problems = BankLoader.check(paths: [path]).problems
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == path)
        // Lines 1–3 expand to about 1,240 nodes; on line 4 each alias of l2 adds 1,111, and the
        // eighth takes the document past 10,000 nodes, more than 10× the 47 written.
        #expect(problem.line == 4)
        #expect(problem.message.contains("alias *l2"))
        #expect(problem.message.contains("expansion limit"))
    }

    @Test func aFewAliasesInASmallBankAreFine() {
        let yaml = BankFixture.minimal.replacingOccurrences(
            of: "sources: [SRM]", with: "sources: &srm [SRM]", options: [], range: nil)
        // Only the first occurrence keeps the anchor; the others become aliases of it.
        var first = true
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains("sources: &srm [SRM]") else { return String(line) }
            defer { first = false }
            return first ? String(line) : line.replacingOccurrences(of: "&srm [SRM]", with: "*srm")
        }
        let result = BankLoader.check(yaml: lines.joined(separator: "\n"), name: "aliases.yaml")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(!result.bank.facts.isEmpty)
    }

    @Test(
        .enabled(
            if: FileManager.default.isWritableFile(atPath: NSTemporaryDirectory()), "needs a temporary folder"
        ))
    func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("bank.yaml").path
        try #require(mkfifo(path, 0o600) == 0, "mkfifo failed: \(errno)")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var problems: [BankProblem] = []
        Thread.detachNewThread {
            problems = BankLoader.check(paths: [path]).problems
            done.signal()
        }
        if done.wait(timeout: .now() + 5) == .timedOut {
            // Unblock the reader (open a writer), then fail.
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            _ = done.wait(timeout: .now() + 5)
            Issue.record("reading a FIFO bank blocked for more than 5 s")
            return
        }
        #expect(problems.count == 1)
        #expect(problems.first?.file == path)
        #expect(problems.first?.message.contains("FIFO") == true, "\(problems)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/zero"), "needs /dev/zero"))
    func aDeviceIsRefused() {
        let start = Date()
        let problems = BankLoader.check(paths: ["/dev/zero"]).problems
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(problems.map(\.file) == ["/dev/zero"])
        #expect(problems.first?.message.contains("character device") == true, "\(problems)")
    }

    @Test func aBankFileOverTheLimitIsRefusedUnread() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("huge.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        // A sparse file one byte over 16 MiB: nothing is read, so this is quick.
        #expect(truncate(path, off_t(BoundedFileReader.bankFileLimit + 1)) == 0)
        let problems = BankLoader.check(paths: [path]).problems
        #expect(problems.map(\.file) == [path])
        #expect(problems.first?.message.contains("larger than 16 MB") == true, "\(problems)")
    }

    @Test func theReaderReadsARegularFileWholeAndStopsPastTheLimit() throws {
        let path = try Self.file("ten.txt", "0123456789")
        #expect(try BoundedFileReader.read(path: path, limit: 10) == Data("0123456789".utf8))
        #expect(throws: BoundedFileReader.Failure.tooLarge(path: path, limit: 9)) {
            try BoundedFileReader.read(path: path, limit: 9)
        }
        #expect(throws: BoundedFileReader.Failure.notRegularFile(path: "/", kind: "a folder")) {
            try BoundedFileReader.read(path: "/", limit: 9)
        }
    }

    // MARK: - Through the binary

    @Test func bankValidateOnAFIFOExitsOneAndNamesThePath() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("bank.yaml").path
        try #require(mkfifo(path, 0o600) == 0)
        let result = try CLI.run(["bank", "validate", path], timeLimit: 20)
        #expect(result.status == 1)
        #expect(result.stdout.contains(path) || result.stderr.contains(path))
        #expect((result.stdout + result.stderr).contains("FIFO"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/zero"), "needs /dev/zero"))
    func importAndReportRefuseADevice() throws {
        let home = try CLI.temporaryDirectory()
        let imported = try CLI.run(
            ["import", "--format", "gift", "/dev/zero", "-o", home.appendingPathComponent("out.yaml").path],
            home: home, timeLimit: 20)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("/dev/zero: the path is a character device"), "\(imported.stderr)")
        let report = try CLI.run(["report", "/dev/zero"], home: home, timeLimit: 20)
        #expect(report.status == 1)
        #expect(report.stderr.contains("/dev/zero"), "\(report.stderr)")
        #expect(report.stderr.contains("character device"), "\(report.stderr)")
    }
}
