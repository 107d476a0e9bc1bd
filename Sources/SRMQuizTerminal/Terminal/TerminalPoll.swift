import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One wait of a terminal's thread: for its input, the signal pipe and its waker, at most until a
/// deadline.
///
/// The one `poll(2)` both real terminals use.
enum TerminalPoll {
    /// What became ready.
    struct Ready {
        var input = false
        /// The input was hung up or closed (and holds nothing more to read).
        var inputClosed = false
        var signal = false
        var wake = false
    }

    enum Outcome {
        case timeout
        case ready(Ready)
        /// Interrupted by a signal: wait again.
        case interrupted
        case failed
    }

    /// Waits on `input` and the pipes until `deadline` (measured from `now`); `nil` waits for input.
    static func wait(input: Int32, waker: TerminalWaker, until deadline: Date?, now: Date) -> Outcome {
        var timeout: Int32 = -1
        if let deadline {
            let left = deadline.timeIntervalSince(now)
            if left <= 0 { return .timeout }
            timeout = Int32(min(left * 1000, 3_600_000).rounded(.up))
        }
        var fds = [
            pollfd(fd: input, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalPipe.readEnd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: waker.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        let count = poll(&fds, nfds_t(fds.count), timeout)
        if count < 0 { return errno == EINTR ? .interrupted : .failed }
        if count == 0 { return .interrupted }  // the caller checks its deadline again
        var ready = Ready()
        ready.input = fds[0].revents & Int16(POLLIN) != 0
        ready.inputClosed = !ready.input && fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        ready.signal = fds[1].revents & Int16(POLLIN) != 0
        ready.wake = fds[2].revents != 0
        return .ready(ready)
    }
}
