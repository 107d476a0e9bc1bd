import Foundation
import SRMQuizKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``Terminal`` for standard input that is not a terminal (a pipe or a file): plain lines, no
/// line editing and no escape codes, but deadlines still pass — an exam fed by a pipe that stays
/// open and silent still ends at its time limit.
///
/// Each line read is echoed after its prompt to the output, so a transcript of a piped session
/// reads like the interactive one. In key mode every byte is a key (a newline is Enter).
public final class PipeTerminal: Terminal {
    public let waker = TerminalWaker()
    public var inputMode: TerminalInputMode = .lines
    private let input: Int32
    private let output: any TextSink
    private let clock: any Clock
    private let environment: [String: String]
    private var buffer: [UInt8] = []
    private var atEnd = false
    private var endEchoed = false
    private var prompt = ""

    /// Reads `input` (standard input by default) and writes to `output`; `clock` measures deadlines.
    public init(
        input: Int32 = STDIN_FILENO, output: any TextSink = StandardOutput(),
        clock: any Clock = SystemClock(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.input = input
        self.output = output
        self.clock = clock
        self.environment = environment
    }

    public var columns: Int { TerminalSize.columns(environment: environment) }

    public func write(_ text: String) {
        output.write(TextWrap.wrap(TerminalText.sanitize(text, keepingStyles: true), width: columns))
    }

    public func setPrompt(_ prompt: String) { self.prompt = prompt }

    public func setCompletions(_ words: [String]) {}

    /// Lines on a pipe arrive whole: there is never a half-typed one.
    public func discardInput() -> String { "" }

    public func endPrompt() {}

    public func nextEvent(until deadline: Date?) -> TerminalEvent {
        while true {
            if let event = takeBuffered() { return event }
            if atEnd { return .endOfInput }
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline.timeIntervalSince(clock.now())
                if left <= 0 { return .timeout }
                timeout = Int32(min(left * 1000, 3_600_000).rounded(.up))
            }
            var fds = [
                pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                pollfd(fd: waker.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                atEnd = true
                continue
            }
            if ready == 0 { continue }  // the deadline check above decides
            if fds[1].revents != 0, waker.drain() { return .wake }
            if fds[0].revents != 0 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = read(input, &chunk, chunk.count)
                if count > 0 {
                    buffer.append(contentsOf: chunk[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    atEnd = true
                }
            }
        }
    }

    /// The next complete line (or key) already read, if any; at the end of input, what is left.
    private func takeBuffered() -> TerminalEvent? {
        switch inputMode {
        case .keys:
            guard !buffer.isEmpty else { return nil }
            let byte = buffer.removeFirst()
            switch byte {
            case 0x0A, 0x0D: return .key(.enter)
            case 0x1B: return .key(.escape)
            case 0x7F, 0x08: return .key(.backspace)
            case 0x04: return .endOfInput
            default: return .key(.character(Character(Unicode.Scalar(byte))))
            }
        case .lines:
            var lineBytes: ArraySlice<UInt8>
            if let newline = buffer.firstIndex(of: 0x0A) {
                lineBytes = buffer[..<newline]
                buffer.removeSubrange(...newline)
            } else if atEnd, !buffer.isEmpty {
                lineBytes = buffer[...]
                buffer.removeAll()
            } else {
                if atEnd, !endEchoed {
                    endEchoed = true
                    output.write(prompt + "\n")
                }
                return nil
            }
            if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
            let line = String(decoding: lineBytes, as: UTF8.self)
            output.write(prompt + TerminalText.sanitize(line) + "\n")
            return .line(line)
        }
    }

    public func finish() {}
}
