@preconcurrency import CReadline
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``LineReader`` on a terminal, using GNU readline: line editing, `~/.inputrc`, history kept
/// in a file, and Tab completion of what the current question accepts (the first Tab lists the
/// candidates).
///
/// Ctrl-C while prompting drops the line and gives a fresh prompt; Ctrl-C again on the empty
/// line, or Ctrl-D, ends input (``readLine(prompt:)`` returns `nil`).
///
/// Use it on the main thread only (readline is not thread-safe; completion state is
/// `@MainActor`), and only when standard input is a terminal.
public final class ReadlineLineReader: CompletingLineReader {
    /// Lines kept in the history file.
    public static let historyLimit: Int32 = 1000

    /// The history file.
    public let historyPath: String?
    private var finished = false

    /// Sets readline up. `historyPath` is read now and appended to after every line;
    /// `nil` keeps no history. When standard output is not a terminal, prompts go to standard
    /// error so the output holds no escape codes.
    @MainActor
    public init(historyPath: String?) {
        self.historyPath = historyPath
        rl_readline_name = UnsafePointer(ReadlineState.name)
        // Before readline reads ~/.inputrc (at its first call), so the learner's file wins.
        rl_variable_bind("show-all-if-ambiguous", "on")
        rl_attempted_completion_function = srmquizAttemptedCompletion
        rl_catch_signals = 0  // our SIGINT handling is below
        rl_getc_function = srmquizGetc
        if isatty(STDOUT_FILENO) == 0 { rl_outstream = stderr }
        using_history()
        if let historyPath {
            let dir = (historyPath as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            read_history(historyPath)
        }
    }

    /// The history file under the XDG state directory: `$XDG_STATE_HOME/srmquiz/history`, else
    /// `$HOME/.local/state/srmquiz/history`; `nil` if neither variable is set.
    public static func defaultHistoryPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/srmquiz/history"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/state/srmquiz/history"
        }
        return nil
    }

    public func setCompletions(_ candidates: [String]) {
        MainActor.assumeIsolated { ReadlineState.candidates = candidates }
    }

    public func readLine(prompt: String) -> String? {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = srmquizSigint
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: read() must see EINTR
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        srmquizInterruptState = 0
        srmquizMakeSignalPipe()

        guard let raw = readline(prompt) else {
            srmquizInterruptState = 0
            return nil
        }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingWhitespace().isEmpty {
            add_history(raw)
            if let historyPath, append_history(1, historyPath) != 0 {
                write_history(historyPath)
            }
        }
        return line
    }

    /// Trims the history file to ``historyLimit`` lines. Call once, at exit.
    public func finish() {
        guard !finished else { return }
        finished = true
        if let historyPath { history_truncate_file(historyPath, Self.historyLimit) }
    }

    deinit { finish() }
}

/// Completion state shared with readline's C callbacks.
@MainActor enum ReadlineState {
    static var candidates: [String] = []
    static var matches: [String] = []
    static var nextMatch = 0
    static let name: UnsafeMutablePointer<CChar>? = strdup("srmquiz")
}

/// 0: no Ctrl-C since the prompt; 1: one Ctrl-C, line reset.
nonisolated(unsafe) private var srmquizInterruptState: Int32 = 0
/// A self-pipe: the SIGINT handler writes a byte, the input function polls for it. (The signal
/// may land on any thread, so an interrupted `read` cannot be relied on.)
nonisolated(unsafe) private var srmquizSignalPipe: (read: Int32, write: Int32) = (-1, -1)

/// Creates the self-pipe once.
private func srmquizMakeSignalPipe() {
    guard srmquizSignalPipe.read < 0 else { return }
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return }
    for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    srmquizSignalPipe = (fds[0], fds[1])
}

/// The SIGINT handler while prompting: only notes the signal (async-signal-safe).
private func srmquizSigint(_ signal: Int32) {
    var byte: UInt8 = 1
    _ = write(srmquizSignalPipe.write, &byte, 1)
}

/// readline's input function: one byte from the terminal; on Ctrl-C, drops the line and
/// redraws a fresh prompt, or — when the line is already empty after an earlier Ctrl-C —
/// reports end of input.
private func srmquizGetc(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let fd = stream.map { fileno($0) } ?? STDIN_FILENO
    while true {
        var fds = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: srmquizSignalPipe.read, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, srmquizSignalPipe.read < 0 ? 1 : 2, -1)
        if ready < 0 {
            if errno == EINTR { continue }
            return EOF
        }
        if fds[1].revents & Int16(POLLIN) != 0 {
            var drain = [UInt8](repeating: 0, count: 16)
            while read(srmquizSignalPipe.read, &drain, drain.count) > 0 {}
            if rl_end == 0, srmquizInterruptState > 0 { return EOF }
            srmquizInterruptState = 1
            let out = rl_outstream.map { fileno($0) } ?? STDOUT_FILENO
            let message = "^C\n(Ctrl-C again or Ctrl-D to save and quit)\n"
            _ = message.withCString { write(out, $0, strlen($0)) }
            rl_replace_line("", 0)
            rl_on_new_line()
            rl_redisplay()
            continue
        }
        if fds[0].revents != 0 {
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return EOF
        }
    }
}

/// readline's completion entry: complete from the current question's candidates only.
private func srmquizAttemptedCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    return rl_completion_matches(text, srmquizCompletionGenerator)
}

/// readline's match generator: state 0 starts a new completion.
private func srmquizCompletionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32)
    -> UnsafeMutablePointer<CChar>?
{
    let prefix = text.map { String(cString: $0) } ?? ""
    let match: String? = MainActor.assumeIsolated {
        if state == 0 {
            let lower = prefix.lowercased()
            ReadlineState.matches = ReadlineState.candidates.filter { $0.lowercased().hasPrefix(lower) }
            ReadlineState.nextMatch = 0
        }
        guard ReadlineState.nextMatch < ReadlineState.matches.count else { return nil }
        defer { ReadlineState.nextMatch += 1 }
        return ReadlineState.matches[ReadlineState.nextMatch]
    }
    return match.flatMap { strdup($0) }
}
