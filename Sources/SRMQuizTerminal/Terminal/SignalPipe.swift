import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Signals turned into bytes on a self-pipe that a terminal polls with its input: the handler only
/// writes the signal's number (async-signal-safe), and the terminal's own thread acts on it.
///
/// Ctrl-C (SIGINT), window resizes (SIGWINCH), and SIGHUP and SIGTERM, which end input so a session
/// saves and an exam writes its results before the process exits.
enum SignalPipe {
    nonisolated(unsafe) static var fds: (read: Int32, write: Int32) = (-1, -1)
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

    /// The end to poll.
    static var readEnd: Int32 { fds.read }

    /// Makes the pipe (once) and routes `signals` to it; ``restore()`` gives them back.
    static func install(_ signals: [Int32]) {
        if fds.read < 0 {
            var pair: [Int32] = [-1, -1]
            guard pipe(&pair) == 0 else { return }
            for fd in pair {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            fds = (pair[0], pair[1])
        }
        for signal in signals where previous[signal] == nil {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = srmquizSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
    }

    /// Gives every routed signal its previous handler back.
    static func restore() {
        for (signal, var old) in previous { sigaction(signal, &old, nil) }
        previous = [:]
    }

    /// The signals that arrived since the last call, in order.
    static func take() -> [Int32] {
        var bytes = [UInt8](repeating: 0, count: 32)
        var signals: [Int32] = []
        while fds.read >= 0 {
            let count = read(fds.read, &bytes, bytes.count)
            if count <= 0 { break }
            signals += bytes[0..<count].map { Int32($0) }
        }
        return signals
    }
}

/// The handler: the signal's number onto the pipe.
private func srmquizSignalHandler(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(SignalPipe.fds.write, &byte, 1)
}
