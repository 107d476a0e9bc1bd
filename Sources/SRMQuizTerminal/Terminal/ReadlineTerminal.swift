@preconcurrency import CReadline
import Foundation
import SRMQuizKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``Terminal`` on a TTY, on GNU readline's callback interface: line editing, `~/.inputrc`,
/// history kept in a file (appended after every line, so a crash loses nothing), and Tab
/// completion of what the current question accepts (the first Tab lists the candidates).
///
/// ``nextEvent(until:)`` polls standard input, a self-pipe for signals (SIGINT, SIGWINCH) and the
/// ``waker``'s pipe, with the time to the deadline as the timeout, and feeds readline a character
/// at a time (`rl_callback_read_char`). So the prompt can carry a clock that changes while the
/// learner types (``setPrompt(_:)``), and text can be printed above the line being edited
/// (``write(_:)``) without disturbing it. Ctrl-C drops the line (``TerminalEvent/interrupt``),
/// Ctrl-D on an empty line ends input, a resize tells readline and changes ``columns``.
///
/// Use it from one thread only (readline is not thread-safe), and only when standard input is a
/// terminal. When standard output is not a terminal, the prompt and the line go to standard error.
package final class ReadlineTerminal: Terminal {
    /// Lines kept in the history file.
    package static let historyLimit: Int32 = 1000

    /// The history file, if any.
    package let historyPath: String?
    package let waker = TerminalWaker()
    private let output: any TextSink
    private let environment: [String: String]
    private var prompt = ""
    private var installed = false
    private var savedTermios: termios?
    private var finished = false

    /// Sets readline up and installs the SIGINT and SIGWINCH handlers.
    ///
    /// `historyPath` is read now and appended to after every line; `nil` keeps no history.
    package init(
        historyPath: String?, output: any TextSink = StandardOutput(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.historyPath = historyPath
        self.output = output
        self.environment = environment
        rl_readline_name = UnsafePointer(ReadlineShared.name)
        // Before readline reads ~/.inputrc (at its first use), so the learner's file wins.
        rl_variable_bind("show-all-if-ambiguous", "on")
        rl_attempted_completion_function = srmquizAttemptedCompletion
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        if isatty(STDOUT_FILENO) == 0 { rl_outstream = stderr }
        using_history()
        if let historyPath {
            let dir = (historyPath as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            read_history(historyPath)
        }
        ReadlineShared.historyPath = historyPath
        SignalPipe.install([SIGINT, SIGWINCH, SIGHUP, SIGTERM])
    }

    /// The history file under the XDG state directory: `$XDG_STATE_HOME/srmquiz/history`, else
    /// `$HOME/.local/state/srmquiz/history` (``DataDirectory/statePath(environment:)``); `nil`
    /// if neither is an absolute path.
    package static func defaultHistoryPath(environment: [String: String]) -> String? {
        DataDirectory.statePath(environment: environment).map { $0 + "/history" }
    }

    package var columns: Int { TerminalSize.columns(environment: environment) }

    package var inputMode: TerminalInputMode = .lines {
        didSet {
            guard inputMode != oldValue else { return }
            if inputMode == .keys {
                removeHandler()
                enterRawMode()
            } else {
                leaveRawMode()
            }
        }
    }

    package func setCompletions(_ words: [String]) {
        ReadlineShared.candidates = words
    }

    package func discardInput() -> String {
        guard installed, rl_end > 0 else { return "" }
        let text = rl_copy_text(0, rl_end)
        defer { free(text) }
        rl_replace_line("", 0)
        rl_point = 0
        rl_redisplay()
        return text.map { String(cString: $0) } ?? ""
    }

    package func endPrompt() {
        guard installed else { return }
        rl_set_prompt("")
        rl_replace_line("", 0)
        rl_point = 0
        rl_redisplay()
        removeHandler()
        prompt = ""
    }

    package func setPrompt(_ prompt: String) {
        guard prompt != self.prompt else { return }
        self.prompt = prompt
        if installed {
            rl_set_prompt(prompt)
            rl_redisplay()
        }
    }

    package func write(_ text: String) {
        let laidOut = TextWrap.wrap(TerminalText.sanitize(text, keepingStyles: true), width: columns)
        guard installed else {
            output.write(laidOut)
            return
        }
        // Print above the line being edited: blank the prompt line, print, draw it again.
        let point = rl_point
        let saved = rl_copy_text(0, rl_end)
        rl_save_prompt()
        rl_replace_line("", 0)
        rl_redisplay()
        if let stream = rl_outstream { fflush(stream) }
        output.write(laidOut.hasSuffix("\n") ? laidOut : laidOut + "\n")
        rl_restore_prompt()
        if let saved { rl_replace_line(saved, 0) }
        rl_point = point
        rl_redisplay()
        free(saved)
    }

    package func nextEvent(until deadline: Date?) -> TerminalEvent {
        while true {
            if !ReadlineShared.pending.isEmpty { return ReadlineShared.pending.removeFirst() }
            if inputMode == .lines, !installed {
                rl_callback_handler_install(prompt, srmquizLineHandler)
                installed = true
                ReadlineShared.installed = true
            }
            let ready: TerminalPoll.Ready
            switch TerminalPoll.wait(input: STDIN_FILENO, waker: waker, until: deadline, now: Date()) {
            case .timeout: return .timeout
            case .interrupted: continue
            case .failed: return .endOfInput
            case .ready(let r): ready = r
            }
            if ready.signal, let event = handleSignals() { return event }
            if ready.wake, waker.drain() { return .wake }
            if ready.input {
                switch inputMode {
                case .lines:
                    rl_callback_read_char()
                    installed = ReadlineShared.installed
                case .keys:
                    if let event = readKey() { return event }
                }
            } else if ready.inputClosed {
                return .endOfInput
            }
        }
    }

    /// Trims the history file, removes the handlers and gives the terminal back.
    ///
    /// Call once.
    package func finish() {
        guard !finished else { return }
        finished = true
        inputMode = .lines
        removeHandler()
        SignalPipe.restore()
        if let historyPath { history_truncate_file(historyPath, Self.historyLimit) }
    }

    deinit { finish() }

    // MARK: - Signals and keys

    private func handleSignals() -> TerminalEvent? {
        var event: TerminalEvent?
        for signal in SignalPipe.take() {
            if signal == SIGHUP || signal == SIGTERM {
                removeHandler()
                return .endOfInput
            }
            if signal == SIGWINCH {
                if installed { rl_resize_terminal() }
                event = event ?? .resize(columns: columns)
            } else if signal == SIGINT {
                if installed {
                    rl_free_line_state()
                    rl_callback_sigcleanup()
                    rl_replace_line("", 0)
                    removeHandler()
                }
                output.write("^C\n")
                event = .interrupt
            }
        }
        return event
    }

    private func removeHandler() {
        guard installed else { return }
        rl_callback_handler_remove()
        installed = false
        ReadlineShared.installed = false
    }

    private func enterRawMode() {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        savedTermios = settings
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }

    private func leaveRawMode() {
        guard var settings = savedTermios else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        savedTermios = nil
    }

    private func readKey() -> TerminalEvent? {
        var bytes = [UInt8](repeating: 0, count: 8)
        let count = read(STDIN_FILENO, &bytes, bytes.count)
        if count == 0 { return .endOfInput }
        guard count > 0 else { return nil }
        switch bytes[0] {
        case 0x0A, 0x0D: return .key(.enter)
        case 0x1B: return .key(.escape)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x04: return .endOfInput
        default:
            let text = String(decoding: bytes[0..<count], as: UTF8.self)
            return text.first.map { .key(.character($0)) }
        }
    }
}

/// State shared with readline's C callbacks, which cannot capture context.
///
/// Touched only from the thread that drives the terminal.
enum ReadlineShared {
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var nextMatch = 0
    nonisolated(unsafe) static var pending: [TerminalEvent] = []
    nonisolated(unsafe) static var installed = false
    nonisolated(unsafe) static var historyPath: String?
    nonisolated(unsafe) static let name: UnsafeMutablePointer<CChar>? = strdup("srmquiz")
}

/// readline's line handler: queues the line (or the end of input) and takes the handler away, so
/// the prompt is not drawn again until the session asks for its next event.
private func srmquizLineHandler(_ raw: UnsafeMutablePointer<CChar>?) {
    rl_callback_handler_remove()
    ReadlineShared.installed = false
    guard let raw else {
        ReadlineShared.pending.append(.endOfInput)
        return
    }
    defer { free(raw) }
    let line = String(cString: raw)
    if !line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        add_history(raw)
        if let path = ReadlineShared.historyPath, append_history(1, path) != 0 {
            write_history(path)
        }
    }
    ReadlineShared.pending.append(.line(line))
}

/// readline's completion entry: complete from the current candidates only.
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
    if state == 0 {
        let lower = prefix.lowercased()
        ReadlineShared.matches = ReadlineShared.candidates.filter { $0.lowercased().hasPrefix(lower) }
        ReadlineShared.nextMatch = 0
    }
    guard ReadlineShared.nextMatch < ReadlineShared.matches.count else { return nil }
    defer { ReadlineShared.nextMatch += 1 }
    return strdup(ReadlineShared.matches[ReadlineShared.nextMatch])
}
