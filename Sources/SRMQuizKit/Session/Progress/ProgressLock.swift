import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a progress file, held as `flock(LOCK_EX | LOCK_NB)` on `<file>.lock` and on
/// the state file and review log themselves (their device and inode), so a second name for the same
/// file (a hard link) is refused like a second writer.
///
/// The kernel drops the locks when the process ends, however it ends. The lock file holds the
/// holder's process id (for the message a second process gets) and is never removed.
///
/// Before anything is created, the folder must be one only the user can change and the
/// progress path must be a regular file or missing (not a link, a FIFO or a device), so no lock
/// or temporary file is ever made beside `/dev/null` or through a planted link.
final class ProgressLock {
    private var fd: Int32
    /// The files locked by identity, by path.
    private var held: [String: Int32] = [:]

    private init(fd: Int32) { self.fd = fd }

    /// Takes the lock for `file`, or throws ``ProgressError/locked(file:holderPID:)`` at once.
    static func acquire(for file: URL) throws(ProgressError) -> ProgressLock {
        try ProgressFiles.checkFolder(file.deletingLastPathComponent())
        try ProgressFiles.checkTarget(file)
        let url = ProgressFiles.lock(of: file)
        let fd = try ProgressFiles.openCreating(url, flags: O_RDWR).fd
        if !Self.lock(fd) {
            let code = errno
            var pid: Int32?
            if code == EWOULDBLOCK, let data = try? ProgressFiles.read(url),
                let text = String(validating: data, as: UTF8.self)
            {
                pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            _ = posixClose(fd)
            if code == EWOULDBLOCK || code == EAGAIN { throw .locked(file: file.path, holderPID: pid) }
            throw .io(file: url.path, operation: "locking", errno: code)
        }
        if ftruncate(fd, 0) == 0 {
            _ = try? ProgressFiles.writeAll(fd, Data("\(getpid())\n".utf8), file: url.path)
        }
        let lock = ProgressLock(fd: fd)
        do throws(ProgressError) {
            try lock.hold(file)
            try lock.hold(ProgressFiles.log(of: file))
        } catch {
            lock.release()
            throw error
        }
        return lock
    }

    /// Locks the file now at `url` by its identity (after it was created or replaced), releasing
    /// the file held for that path before.
    ///
    /// Nothing is held if there is no file. Throws ``ProgressError/locked(file:holderPID:)`` if
    /// another process holds it (under another name), and ``ProgressError/hardLinked(file:links:)``
    /// if it has names other than its own and its backup's.
    func hold(_ url: URL) throws(ProgressError) {
        let path = url.path
        let file: Int32
        do {
            file = try DurableFile.openForReading(path)
        } catch {
            // Nothing to lock (an unreadable file is reported when it is read).
            guard error.code == ENOENT || error.code == EACCES else { throw .file(error) }
            if let old = held.removeValue(forKey: path) { _ = posixClose(old) }
            return
        }
        var info = stat()
        _ = fstat(file, &info)  // checked by openForReading
        if !Self.lock(file) {
            let code = errno
            _ = posixClose(file)
            if code == EWOULDBLOCK || code == EAGAIN {
                throw .locked(file: path, holderPID: Self.holder(of: info))
            }
            throw .io(file: path, operation: "locking", errno: code)
        }
        let links = Int(info.st_nlink)
        if links > 1 {
            // A crash between keeping the backup (a hard link) and renaming the new file in place
            // leaves the file and its backup as one; that is expected.
            let backup = ProgressFiles.backup(of: url)
            let own = [backup, ProgressFiles.staging(of: backup)].filter { Self.same(info, $0) }.count
            if links > 1 + own {
                _ = posixClose(file)
                throw .hardLinked(file: path, links: links - own)
            }
        }
        if let old = held.updateValue(file, forKey: path) { _ = posixClose(old) }
    }

    /// Takes `flock(LOCK_EX)` on `fd` without blocking.
    ///
    /// A lock held by someone else is tried a few more times over about 100 ms before giving up
    /// (`errno` then says why). A file this
    /// process just closed can stay locked for a moment: a child forked by another thread holds
    /// the lock's open file description until its `exec` closes it (`O_CLOEXEC`), which a busy
    /// machine can delay; a real second writer is still refused within that 100 ms.
    private static func lock(_ fd: Int32) -> Bool {
        for attempt in 0..<10 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            let code = errno
            guard code == EWOULDBLOCK || code == EAGAIN, attempt < 9 else { break }
            usleep(10_000)
            errno = code
        }
        return false
    }

    /// Whether `url` is the file `info` describes.
    private static func same(_ info: stat, _ url: URL) -> Bool {
        var other = stat()
        return lstat(url.path, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino
    }

    /// The process holding a `flock` on the file `info` describes, from `/proc/locks` (Linux);
    /// `nil` where that cannot be told.
    private static func holder(of info: stat) -> Int32? {
        #if os(Linux)
            // procfs files have no size: read to the end.
            guard let data = FileHandle(forReadingAtPath: "/proc/locks")?.readDataToEndOfFile() else {
                return nil
            }
            let dev = UInt64(info.st_dev)
            let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
            let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
            let inode = String(info.st_ino)
            let exact = String(major, radix: 16) + ":" + String(minor, radix: 16) + ":" + inode
            var byInode: Set<Int32> = []
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.contains("FLOCK"), !fields.contains("->"),
                    let index = fields.firstIndex(where: { $0.hasSuffix(":" + inode) }), index > 0,
                    let pid = Int32(fields[index - 1])
                else { continue }
                let parts = fields[index].split(separator: ":")
                let device =
                    parts.count == 3
                    ? (UInt64(parts[0], radix: 16).map { String($0, radix: 16) } ?? "") + ":"
                        + (UInt64(parts[1], radix: 16).map { String($0, radix: 16) } ?? "") + ":" + parts[2]
                    : ""
                if device == exact { return pid }
                byInode.insert(pid)
            }
            return byInode.count == 1 ? byInode.first : nil
        #else
            return nil
        #endif
    }

    /// Releases the lock (idempotent).
    func release() {
        for file in held.values { _ = posixClose(file) }
        held = [:]
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        _ = posixClose(fd)
        fd = -1
    }

    deinit { release() }
}
