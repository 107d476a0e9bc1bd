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
/// The prompt is written when the terminal starts waiting for a line (as a program driving srmquiz
/// through a pipe expects), and each line read is echoed after it, so a transcript of a piped
/// session reads like the interactive one; later changes to the prompt (a clock) are not written.
/// In key mode every byte is a key (a newline is Enter).
package final class PipeTerminal: Terminal {
    package let waker = TerminalWaker()
    package var inputMode: TerminalInputMode = .lines
    private let input: Int32
    private let output: any TextSink
    private let clock: any Clock
    private let environment: [String: String]
    private var buffer: [UInt8] = []
    private var atEnd = false
    private var endEchoed = false
    private var prompt = ""
    /// Whether the prompt is on the output, waiting for its line.
    private var promptShown = false

    /// Reads `input` (standard input by default) and writes to `output`; `clock` measures
    /// deadlines.
    ///
    /// With `handlesSignals`, Ctrl-C, SIGHUP and SIGTERM end input (the session saves, an exam
    /// writes its results) instead of killing the process.
    package init(
        input: Int32 = STDIN_FILENO, output: any TextSink = StandardOutput(),
        clock: any Clock = SystemClock(),
        environment: [String: String] = ProcessInfo.processInfo.environment, handlesSignals: Bool = false
    ) {
        self.input = input
        self.output = output
        self.clock = clock
        self.environment = environment
        if handlesSignals { SignalPipe.install([SIGINT, SIGHUP, SIGTERM]) }
    }

    package var columns: Int { TerminalSize.columns(environment: environment) }

    package func write(_ text: String) {
        if promptShown {
            output.write("\n")
            promptShown = false
        }
        output.write(TextWrap.wrap(TerminalText.sanitize(text, keepingStyles: true), width: columns))
    }

    package func setPrompt(_ prompt: String) { self.prompt = prompt }

    package func setCompletions(_ words: [String]) {}

    /// Lines on a pipe arrive whole: there is never a half-typed one.
    package func discardInput() -> String { "" }

    package func endPrompt() {}

    package func nextEvent(until deadline: Date?) -> TerminalEvent {
        while true {
            if let event = takeBuffered() { return event }
            if atEnd { return .endOfInput }
            if inputMode == .lines, !promptShown {
                output.write(prompt)
                promptShown = true
            }
            let ready: TerminalPoll.Ready
            switch TerminalPoll.wait(input: input, waker: waker, until: deadline, now: clock.now()) {
            case .timeout: return .timeout
            case .interrupted: continue
            case .failed:
                atEnd = true
                continue
            case .ready(let r): ready = r
            }
            if ready.wake, waker.drain() { return .wake }
            if ready.signal, !SignalPipe.take().isEmpty {
                atEnd = true
                buffer.removeAll()
                return .endOfInput
            }
            if ready.input || ready.inputClosed {
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
                    output.write((promptShown ? "" : prompt) + "\n")
                    promptShown = false
                }
                return nil
            }
            if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
            let line = String(decoding: lineBytes, as: UTF8.self)
            output.write((promptShown ? "" : prompt) + TerminalText.sanitize(line) + "\n")
            promptShown = false
            return .line(line)
        }
    }

    package func finish() { SignalPipe.restore() }
}
