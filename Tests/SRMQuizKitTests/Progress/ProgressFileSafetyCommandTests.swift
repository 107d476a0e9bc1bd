import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 14 items 4, 5 and 7 through the built binary: links, devices and FIFOs refused by name,
/// restore only for damage, a file-size limit reported as an error, read-only folders readable.
@Suite struct ProgressFileSafetyCommandTests {
    /// Whether tests can run the binary as another user (`nobody`, via `setpriv`), as a root
    /// run needs to meet "permission denied" at all.
    static let canActAsAnotherUser =
        geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs `command` (the program first) with HOME set to `home` and no XDG variable.
    static func launch(
        _ command: [String], home: URL, input: String = "", timeLimit: TimeInterval = 60
    ) throws -> CLI.Result {
        try CLI.launch(
            command, environment: CLI.environment(.bare, home: home), input: input, timeLimit: timeLimit)
    }

    /// Runs the binary as a user other than the owner of root's files: `nobody` when the tests
    /// run as root (the files under `owned` are given to it first), else the user itself.
    static func runAsUser(_ arguments: [String], home: URL, owned: URL) throws -> CLI.Result {
        guard geteuid() == 0 else { return try ProgressCommandTests.run(arguments, home: home) }
        try chownTree(owned, to: 65534)
        return try launch(
            ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path]
                + arguments,
            home: home)
    }

    static func chownTree(_ url: URL, to uid: uid_t) throws {
        _ = chown(url.path, uid, gid_t(uid))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
            _ = lchown(url.appendingPathComponent(name).path, uid, gid_t(uid))
        }
    }

    @Test func aDeviceAsTheProgressPathIsRefusedAndNoLockIsMadeBesideIt() throws {
        let temp = ProgressTempFolder()
        let run = try ProgressCommandTests.run(
            ["study", "--progress", "/dev/null"], home: temp.url, input: "a\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("/dev/null: is a character device, not a regular file"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null.lock"))
    }

    @Test func aFIFOIsRefusedAtOnceByEveryCommand() throws {
        let temp = ProgressTempFolder()
        let fifo = temp.file("fifo.json")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for arguments in [
            ["progress", "show", "--progress", fifo.path, "--no-bundled"],
            ["report", "--progress", fifo.path, "--no-bundled"],
            ["progress", "rebuild", "--progress", fifo.path],
            ["study", "--progress", fifo.path],
        ] {
            let run = try ProgressCommandTests.run(arguments, home: temp.url, timeLimit: 30)
            #expect(!run.signalled, "\(arguments) hung")
            #expect(run.status == 1, "\(arguments): \(run.stderr)")
            #expect(
                run.stderr.contains(fifo.path) && run.stderr.contains("FIFO"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func aSymlinkedProgressPathNeedsFollowSymlinks() throws {
        let temp = ProgressTempFolder()
        let real = temp.file("real.json")
        try ProgressFileSafetyTests.make(real, answers: 2)
        let link = temp.file("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let refused = try ProgressCommandTests.run(
            ["progress", "show", "--progress", link.path, "--no-bundled"], home: temp.url)
        #expect(refused.status == 1 && refused.stderr.contains("--follow-symlinks"), "\(refused.stderr)")
        let rebuild = try ProgressCommandTests.run(
            ["progress", "rebuild", "--progress", link.path], home: temp.url)
        #expect(rebuild.status == 1 && rebuild.stderr.contains("is a symbolic link to \(real.path)"))
        #expect(!FileManager.default.fileExists(atPath: link.path + ".lock"))
        let followed = try ProgressCommandTests.run(
            ["progress", "rebuild", "--progress", link.path, "--follow-symlinks"], home: temp.url)
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(FileManager.default.fileExists(atPath: real.path + ".lock"))
    }

    @Test func aHardLinkedSecondWriterIsToldTheHoldersProcess() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try ProgressFileSafetyTests.make(url, answers: 2)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        let second = temp.file("q.json")
        try FileManager.default.linkItem(at: url, to: second)
        let run = try ProgressCommandTests.run(
            ["progress", "rebuild", "--progress", second.path], home: temp.url)
        #expect(run.status == 1)
        #if os(Linux)
            #expect(
                run.stderr.contains("in use by another srmquiz process (process \(getpid()))"),
                "\(run.stderr)")
        #else
            #expect(run.stderr.contains("in use by another srmquiz process"), "\(run.stderr)")
        #endif
    }

    @Test func aFolderEveryoneCanWriteIsRefusedForWriting() throws {
        let temp = ProgressTempFolder()
        let folder = temp.file("shared")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(chmod(folder.path, 0o1777) == 0)
        let url = folder.appendingPathComponent("p.json")
        let run = try ProgressCommandTests.run(
            ["progress", "rebuild", "--progress", url.path], home: temp.url)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("\(folder.path): the progress folder is writable by every user (mode 1777)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aFileSizeLimitIsAWriteErrorNamingTheFileAndTheSummarySaysSo() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try ProgressFileSafetyTests.make(url, answers: 12)  // a log of several kilobytes
        let binary = try CLI.binary.path
        // A first session records the study-day settings (SM-2 day rule), so the limited one
        // fails on an answer, not at the start.
        let first = try ProgressCommandTests.run(["study", "--progress", url.path], home: temp.url)
        #expect(first.status == 0, "\(first.stderr)")
        let run = try Self.launch(
            ["/bin/sh", "-c", "ulimit -f 1 && exec \"$0\" \"$@\"", binary, "study", "--progress", url.path],
            home: temp.url, input: "a\nb\n")
        #expect(!run.signalled, "killed by a signal (SIGXFSZ?)")
        #expect(run.status == 1, "\(run.stderr)")
        let log = ProgressFixtures.log(of: url).path
        #expect(run.stderr.contains("\(log): writing failed: File too large"), "\(run.stderr)")
        #expect(!run.stdout.contains("Progress is saved"), "\(run.stdout)")
        #expect(run.stdout.contains("NOT saved"), "\(run.stdout) \(run.stderr)")
        // The next session (without the limit) opens, and every acknowledged answer is there.
        let show = try ProgressCommandTests.run(
            ["progress", "show", "--progress", url.path, "--no-bundled", "--json"], home: temp.url)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("\"reviews\" : 12"))
    }

    @Test(
        .enabled(if: canActAsAnotherUser, "needs setpriv to run as another user when the tests run as root"))
    func readOnlyCommandsWorkOnAReadOnlyFolder() throws {
        let temp = ProgressTempFolder()
        let folder = temp.file("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("p.json")
        try ProgressFileSafetyTests.make(url, answers: 3)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            #expect(chmod(folder.appendingPathComponent(name).path, 0o444) == 0)
        }
        #expect(chmod(folder.path, 0o555) == 0)
        defer { _ = chmod(folder.path, 0o755) }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let show = try Self.runAsUser(
            ["progress", "show", "--progress", url.path, "--no-bundled", "--json"], home: temp.url,
            owned: folder)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("\"reviews\" : 3"))
        let report = try Self.runAsUser(
            ["report", "--progress", url.path, "--no-bundled", "--format", "json"], home: temp.url,
            owned: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"reviews\" : 3"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        // A writer is refused with the reason, not a crash.
        let rebuild = try Self.runAsUser(
            ["progress", "rebuild", "--progress", url.path], home: temp.url, owned: folder)
        #expect(rebuild.status == 1 && rebuild.stderr.contains("Permission denied"), "\(rebuild.stderr)")
    }

    @Test(
        .enabled(if: canActAsAnotherUser, "needs setpriv to run as another user when the tests run as root"))
    func restoreReportsPermissionDeniedAndRollsNothingBack() throws {
        let temp = ProgressTempFolder()
        let folder = temp.file("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(chmod(folder.path, 0o700) == 0)
        let url = folder.appendingPathComponent("p.json")
        try ProgressFileSafetyTests.make(url, answers: 4)
        let content = try Data(contentsOf: url)
        #expect(chmod(url.path, 0o000) == 0)
        let refused = try Self.runAsUser(
            ["progress", "restore", "--progress", url.path], home: temp.url, owned: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("Permission denied") && refused.stderr.contains("not damaged")
                && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try ProgressFixtures.mode(url) == 0)
        #expect(chmod(url.path, 0o600) == 0)
        #expect(try Data(contentsOf: url) == content)
        #expect(chmod(url.path, 0o000) == 0)
        let forced = try Self.runAsUser(
            ["progress", "restore", "--progress", url.path, "--force"], home: temp.url, owned: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("Set aside 0 acknowledged answers"), "\(forced.stdout)")
        #expect(forced.stdout.contains("(4 reviews)"), "\(forced.stdout)")
    }
}
