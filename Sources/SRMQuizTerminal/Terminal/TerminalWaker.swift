import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wakes a thread waiting in ``Terminal/nextEvent(until:)`` from any other thread: it writes a
/// byte to a non-blocking pipe that the terminal polls (and, for terminals that do not poll,
/// calls a hook).
package final class TerminalWaker: Sendable {
    /// The end the terminal polls (non-blocking, close-on-exec); -1 if no pipe could be made.
    let readEnd: Int32
    private let writeEnd: Int32
    private let hook: (@Sendable () -> Void)?

    /// A waker with its own pipe; `hook` is also called on every wake (for scripted terminals).
    package init(hook: (@Sendable () -> Void)? = nil) {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        readEnd = fds[0]
        writeEnd = fds[1]
        self.hook = hook
    }

    /// Makes the terminal's waiting (or next) `nextEvent` return ``TerminalEvent/wake``.
    package func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
        hook?()
    }

    /// Empties the pipe; returns whether anything was in it.
    @discardableResult func drain() -> Bool {
        var any = false
        var buffer = [UInt8](repeating: 0, count: 64)
        while readEnd >= 0, read(readEnd, &buffer, buffer.count) > 0 { any = true }
        return any
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }
}
