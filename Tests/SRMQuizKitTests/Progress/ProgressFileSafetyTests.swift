import Foundation
import SRMQuizKit
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 14 item 4: no writes through links, a lock on the file's identity, regular files only, and
/// a folder only the user can change.
///
/// Each reproducer of the red-team run is a test here.
@Suite struct ProgressFileSafetyTests {
    /// A store at `url` with `answers` answers, closed.
    static func make(_ url: URL, answers: Int) throws {
        let store = try ProgressFixtures.open(url)
        for n in 0..<answers { try store.record(ProgressFixtures.entry(n), card: ProgressFixtures.card(n)) }
        store.close()
    }

    /// A file holding `text`, to point planted links at.
    static func victim(_ temp: ProgressTempFolder, _ text: String = "precious\n") throws -> URL {
        let url = temp.file("victim.txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func aLinkAtTheLockFileIsRefusedAndItsTargetUntouched() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Self.make(url, answers: 2)
        let victim = try Self.victim(temp)
        try FileManager.default.removeItem(atPath: url.path + ".lock")
        try FileManager.default.createSymbolicLink(
            atPath: url.path + ".lock", withDestinationPath: victim.path)
        #expect(throws: ProgressError.symbolicLink(file: url.path + ".lock", target: victim.path)) {
            _ = try ProgressFixtures.open(url)
        }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
    }

    @Test func linksAtTheTemporaryBackupAndStagingNamesAreNeverWrittenThrough() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Self.make(url, answers: 1)
        let victim = try Self.victim(temp)
        // The names a save used to write through, and the ones it uses now.
        for name in [
            "p.json.tmp", "p.json.bak.tmp", ".p.json.\(getpid()).1.tmp", ".p.json.\(getpid()).2.tmp",
        ] {
            try? FileManager.default.createSymbolicLink(
                atPath: temp.file(name).path, withDestinationPath: victim.path)
        }
        let store = try ProgressFixtures.open(url)
        try store.record(ProgressFixtures.entry(5), card: ProgressFixtures.card(5))
        try store.finish()
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        let read = try #require(try ProgressDocument.read(at: url)).document
        #expect(read.reviews.count == 2)
        // A link planted at the backup is replaced by the backup, not written through.
        try FileManager.default.removeItem(atPath: url.path + ".bak")
        try FileManager.default.createSymbolicLink(
            atPath: url.path + ".bak", withDestinationPath: victim.path)
        let again = try ProgressFixtures.open(url)
        try again.record(ProgressFixtures.entry(6), card: ProgressFixtures.card(6))
        try again.finish()
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        let backup = try FileManager.default.attributesOfItem(atPath: url.path + ".bak")
        #expect(backup[.type] as? FileAttributeType == .typeRegular)
    }

    @Test func aLinkAtTheReviewLogIsRefused() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Self.make(url, answers: 2)
        let log = ProgressFixtures.log(of: url)
        let moved = temp.file("elsewhere.jsonl")
        try FileManager.default.moveItem(at: log, to: moved)
        try FileManager.default.createSymbolicLink(at: log, withDestinationURL: moved)
        let before = try Data(contentsOf: moved)
        #expect(throws: ProgressError.symbolicLink(file: log.path, target: moved.path)) {
            _ = try ProgressFixtures.open(url)
        }
        #expect(throws: ProgressError.symbolicLink(file: log.path, target: moved.path)) {
            _ = try ProgressDocument.read(at: url)
        }
        #expect(try Data(contentsOf: moved) == before)
    }

    @Test func aSymlinkedProgressPathIsRefusedUnlessFollowedThenTheRealFileIsLocked() throws {
        let temp = ProgressTempFolder()
        let real = temp.file("real/p.json")
        try FileManager.default.createDirectory(at: temp.file("real"), withIntermediateDirectories: true)
        try Self.make(real, answers: 3)
        let link = temp.file("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(throws: ProgressError.symbolicLink(file: link.path, target: real.path)) {
            _ = try ProgressFixtures.open(link)
        }
        #expect(!FileManager.default.fileExists(atPath: link.path + ".lock"))
        let plain = try ProgressLocation.resolve(learner: nil, progress: link.path, environment: [:])
        #expect(plain.file == link)
        let followed = try ProgressLocation.resolve(
            learner: nil, progress: link.path, environment: [:], followSymlinks: true)
        #expect(followed.file.path == real.path)
        let store = try ProgressFixtures.open(followed.file)
        defer { store.close() }
        #expect(store.log.count == 3)
        // The link is still a link: a save replaces the real file, never the link.
        try store.record(ProgressFixtures.entry(9), card: ProgressFixtures.card(9))
        try store.compact()
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        // A second writer through the real path is refused: one lock for both paths.
        #expect(throws: ProgressError.locked(file: real.path, holderPID: getpid())) {
            _ = try ProgressFixtures.open(real)
        }
    }

    @Test func aHardLinkIsRefusedLikeASecondWriterWithTheHoldersProcess() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Self.make(url, answers: 2)
        let second = temp.file("other/q.json")
        try FileManager.default.createDirectory(at: temp.file("other"), withIntermediateDirectories: true)
        try FileManager.default.linkItem(at: url, to: second)
        // Nobody holds it: the second name is refused (a save would separate the two).
        #expect(throws: ProgressError.hardLinked(file: url.path, links: 2)) {
            _ = try ProgressFixtures.open(url)
        }
        #expect(throws: ProgressError.hardLinked(file: second.path, links: 2)) {
            _ = try ProgressFixtures.open(second)
        }
        try FileManager.default.removeItem(at: second)
        let store = try ProgressFixtures.open(url)
        defer { store.close() }
        // A name made while a session holds the file reaches the locked file: refused as locked.
        try FileManager.default.linkItem(at: url, to: second)
        #if os(Linux)
            let holder: Int32? = getpid()  // read from /proc/locks
        #else
            let holder: Int32? = nil
        #endif
        #expect(throws: ProgressError.locked(file: second.path, holderPID: holder)) {
            _ = try ProgressFixtures.open(second)
        }
        #expect(try String(contentsOf: second, encoding: .utf8) == String(contentsOf: url, encoding: .utf8))
    }

    @Test func aHardLinkedLogIsLockedFromItsFirstAnswer() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        let store = try ProgressFixtures.open(url)  // a new learner: no log yet
        defer { store.close() }
        try store.record(ProgressFixtures.entry(0), card: ProgressFixtures.card(0))
        try store.compact()
        // A second progress whose log is another name for this one's.
        let other = temp.file("other/p.json")
        try FileManager.default.createDirectory(at: temp.file("other"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: url, to: other)
        try FileManager.default.linkItem(
            at: ProgressFixtures.log(of: url), to: ProgressFixtures.log(of: other))
        #if os(Linux)
            let holder: Int32? = getpid()
        #else
            let holder: Int32? = nil
        #endif
        #expect(throws: ProgressError.locked(file: ProgressFixtures.log(of: other).path, holderPID: holder)) {
            _ = try ProgressFixtures.open(other)
        }
    }

    @Test func aCrashBetweenKeepingTheBackupAndRenamingIsNotAHardLink() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Self.make(url, answers: 2)
        try FileManager.default.removeItem(atPath: url.path + ".bak")
        try FileManager.default.linkItem(atPath: url.path, toPath: url.path + ".bak")
        let store = try ProgressFixtures.open(url)
        #expect(store.log.count == 2)
        store.close()
    }

    @Test(arguments: ["/dev/null", "/dev/zero"])
    func aDeviceIsRefusedAndNothingIsCreatedBesideIt(path: String) throws {
        let url = URL(fileURLWithPath: path)
        #expect(throws: ProgressError.notRegularFile(file: path, kind: .characterDevice)) {
            _ = try ProgressFixtures.open(url)
        }
        #expect(throws: ProgressError.notRegularFile(file: path, kind: .characterDevice)) {
            _ = try ProgressDocument.read(at: url)
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(!FileManager.default.fileExists(atPath: "/dev/null.reviews.jsonl"))
    }

    @Test func aFIFOOrASocketIsRefusedWithoutWaiting() throws {
        let temp = ProgressTempFolder()
        let fifo = temp.file("fifo.json")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: ProgressError.notRegularFile(file: fifo.path, kind: .fifo)) {
            _ = try ProgressFixtures.open(fifo)
        }
        #expect(throws: ProgressError.notRegularFile(file: fifo.path, kind: .fifo)) {
            _ = try ProgressDocument.read(at: fifo)
        }
        // A FIFO as the review log, beside a good state file.
        let url = temp.file("p.json")
        try Self.make(url, answers: 1)
        let log = ProgressFixtures.log(of: url)
        try FileManager.default.removeItem(at: log)
        #expect(mkfifo(log.path, 0o600) == 0)
        #expect(throws: ProgressError.notRegularFile(file: log.path, kind: .fifo)) {
            _ = try ProgressDocument.read(at: url)
        }
        let socketPath = temp.file("sock.json").path
        let socket = Self.bindSocket(at: socketPath)
        defer { if socket >= 0 { close(socket) } }
        try #require(socket >= 0)
        #expect(throws: ProgressError.notRegularFile(file: socketPath, kind: .socket)) {
            _ = try ProgressFixtures.open(URL(fileURLWithPath: socketPath))
        }
        #expect(throws: ProgressError.notRegularFile(file: socketPath, kind: .socket)) {
            _ = try ProgressDocument.read(at: URL(fileURLWithPath: socketPath))
        }
    }

    /// A Unix socket bound at `path` (its descriptor, or -1).
    static func bindSocket(at path: String) -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return -1 }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return -1 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0 ? fd : -1
    }

    @Test(arguments: [0o777, 0o1777, 0o775])
    func aFolderOthersCanWriteIsRefusedByName(mode: Int) throws {
        let temp = ProgressTempFolder()
        let folder = temp.file("shared")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(chmod(folder.path, mode_t(mode)) == 0)
        let url = folder.appendingPathComponent("p.json")
        let own = mode == 0o775 && Self.ownGroupIsPrivate
        if own {
            let store = try ProgressFixtures.open(url)
            store.close()
        } else {
            #expect {
                _ = try ProgressFixtures.open(url)
            } throws: { error in
                guard case .unsafeFolder(let named, _) = error as? ProgressError else { return false }
                return named == folder.path && "\(error)".contains("chmod go-w")
            }
            #expect(!FileManager.default.fileExists(atPath: url.path + ".lock"))
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }

    /// Whether the user's group has no other members (then a group-writable folder is private).
    static var ownGroupIsPrivate: Bool {
        guard let group = getgrgid(getegid()) else { return false }
        return group.pointee.gr_mem == nil || group.pointee.gr_mem.pointee == nil
    }

    @Test func restoreRefusesWhatIsNotDamageAndSaysWhatForceSetsAside() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Self.make(url, answers: 2)
        try Self.make(url, answers: 0)  // a save keeps the .bak
        // The log is damaged: restoring the state would not repair it.
        let log = ProgressFixtures.log(of: url)
        let good = try Data(contentsOf: log)
        var lines = try ProgressFixtures.logLines(url)
        lines[0] = "{" + String(repeating: "#", count: lines[0].count - 1)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: log)
        #expect {
            _ = try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        } throws: { error in
            if case .logDamaged = error as? ProgressError { return true }
            return false
        }
        try good.write(to: log)
        // A newer format is not damage.
        let newer = Data(
            String(decoding: try Data(contentsOf: url), as: UTF8.self)
                .replacingOccurrences(of: "\"format\" : 4", with: "\"format\" : 99")
                // A newer srmquiz may check its files differently: no check of ours to fail.
                .replacingOccurrences(
                    of: #",\s*"crc32c"\s*:\s*"?[0-9a-fA-Fx]+"?"#, with: "", options: .regularExpression
                )
                .utf8)
        try newer.write(to: url)
        #expect {
            _ = try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        } throws: { error in
            guard case .restoreNotDamaged(_, .unsupportedFormat) = error as? ProgressError else {
                return false
            }
            return "\(error)".contains("--force")
        }
        #expect(try Data(contentsOf: url) == newer)  // left as it was
        // Unparsable: restored, and nothing acknowledged is set aside (the log is kept).
        try Data("{ damaged".utf8).write(to: url)
        let restored = try ProgressRestore.restore(at: url, force: false, clock: ProgressFixtures.clock())
        #expect(restored.answersSetAside == 0 && restored.reviews == 2)
        if case .invalidJSON = restored.damage {
        } else {
            Issue.record("damage: \(String(describing: restored.damage))")
        }
    }

    @Test func forcedRestoreOfAnOlderFormatCountsTheAnswersSetAside() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try FileManager.default.copyItem(at: ProgressFixtures.v1Fixture, to: url)
        let store = try ProgressFixtures.open(url)  // migrates; the old file is the .bak
        let migrated = store.log.count
        for n in 0..<3 { try store.record(ProgressFixtures.entry(100 + n), card: ProgressFixtures.card(n)) }
        // As a crash leaves it: the format 1 backup, the migrated state, the log with 3 more answers.
        let copy = try ProgressFixtures.crashCopy(of: url, into: temp.file("crash"))
        store.close()
        #expect(throws: ProgressError.restoreRefused(file: copy.path)) {
            _ = try ProgressRestore.restore(at: copy, force: false, clock: ProgressFixtures.clock())
        }
        let result = try ProgressRestore.restore(at: copy, force: true, clock: ProgressFixtures.clock())
        #expect(result.answersSetAside == 3)
        #expect(result.reviews == migrated)
        #expect(result.damage == nil)
    }

    @Test func restoreOfSomethingThatIsNotAFileIsNotDamage() throws {
        let temp = ProgressTempFolder()
        let url = temp.file("p.json")
        try Self.make(url, answers: 1)
        try Self.make(url, answers: 0)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        #expect(throws: ProgressError.notRegularFile(file: url.path, kind: .folder)) {
            _ = try ProgressRestore.restore(at: url, force: true, clock: ProgressFixtures.clock())
        }
        var isFolder: ObjCBool = false
        #expect(
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue)
    }
}
