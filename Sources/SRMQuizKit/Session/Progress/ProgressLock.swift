import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a progress file, held as `flock(LOCK_EX | LOCK_NB)` on `<file>.lock`.
/// The kernel drops it when the process ends, however it ends. The lock file holds the holder's
/// process id (for the message a second process gets) and is never removed.
final class ProgressLock {
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Takes the lock for `file`, or throws ``ProgressError/locked(file:holderPID:)`` at once.
    static func acquire(for file: URL) throws(ProgressError) -> ProgressLock {
        let url = ProgressFiles.lock(of: file)
        let fd = try ProgressFiles.openCreating(url, flags: O_RDWR).fd
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
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
        return ProgressLock(fd: fd)
    }

    /// Releases the lock (idempotent).
    func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        _ = posixClose(fd)
        fd = -1
    }

    deinit { release() }
}
