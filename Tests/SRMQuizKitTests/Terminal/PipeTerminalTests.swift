import Foundation
import SRMQuizKit
import SRMQuizTerminal
import SRMQuizTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal for piped input, on a real pipe: lines, keys, deadlines on a silent pipe, and
/// wake-ups from another thread.
@Suite struct PipeTerminalTests {
    func pipeTerminal() -> (PipeTerminal, write: Int32, sink: BufferSink) {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        let sink = BufferSink()
        return (PipeTerminal(input: fds[0], output: sink, environment: [:]), fds[1], sink)
    }

    @Test func linesAreEchoedAfterTheirPrompt() {
        let (terminal, fd, sink) = pipeTerminal()
        _ = "b\r\nc".withCString { write(fd, $0, 4) }
        close(fd)
        #expect(terminal.nextEvent(prompt: "> ") == .line("b"))
        #expect(terminal.nextEvent(prompt: "> ") == .line("c"))
        #expect(terminal.nextEvent(prompt: "> ") == .endOfInput)
        #expect(sink.text == "> b\n> c\n> \n")
    }

    @Test func aSilentPipeStillReachesTheDeadline() {
        let (terminal, fd, _) = pipeTerminal()
        defer { close(fd) }
        let start = Date()
        #expect(terminal.nextEvent(until: start.addingTimeInterval(0.2)) == .timeout)
        #expect(Date().timeIntervalSince(start) >= 0.2)
    }

    @Test func anotherThreadCanWakeIt() {
        let (terminal, fd, _) = pipeTerminal()
        defer { close(fd) }
        let waker = terminal.waker
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.05)
            waker.wake()
        }
        #expect(terminal.nextEvent(until: Date().addingTimeInterval(10)) == .wake)
    }

    @Test func keyModeGivesOneKeyAtATime() {
        let (terminal, fd, _) = pipeTerminal()
        _ = "pq\n".withCString { write(fd, $0, 3) }
        close(fd)
        terminal.inputMode = .keys
        #expect(terminal.nextEvent(until: nil) == .key(.character("p")))
        #expect(terminal.nextEvent(until: nil) == .key(.character("q")))
        #expect(terminal.nextEvent(until: nil) == .key(.enter))
        #expect(terminal.nextEvent(until: nil) == .endOfInput)
    }
}
