import Foundation
import SRMQuizKit

/// Runs a ``Terminal`` on a thread of its own for a session whose events come from the network:
/// other threads ``post(_:)`` writes and prompt changes (they are applied on the terminal's thread,
/// woken through its ``TerminalWaker``), and what the user types is handed to `onInput`.
///
/// Once a second (while `clock` returns a prompt) the prompt is redrawn, so a countdown runs in it
/// while the user types. After the end of input, output still flows.
///
/// The live class's projector screen (key mode) and terminal student (line mode) use it.
package final class TerminalPump: @unchecked Sendable {
    /// Something to do on the terminal's thread.
    package enum Command: Sendable {
        case write(String)
        case completions([String])
        case mode(TerminalInputMode)
        /// Takes the prompt off the screen and ends the loop.
        case stop
    }

    private let terminal: any Terminal
    private let condition = NSCondition()
    private var queue: [Command] = []
    private var stopped = false
    private let clock: @Sendable () -> String
    private let onInput: @Sendable (TerminalEvent) -> Void

    /// - Parameters:
    ///   - clock: the prompt to show now (called on every wake and once a second).
    ///   - onInput: `.line`, `.key`, `.endOfInput` and `.interrupt`, on the terminal's thread.
    package init(
        terminal: any Terminal, clock: @escaping @Sendable () -> String,
        onInput: @escaping @Sendable (TerminalEvent) -> Void
    ) {
        self.terminal = terminal
        self.clock = clock
        self.onInput = onInput
    }

    /// Queues `command` for the terminal's thread (any thread).
    package func post(_ command: Command) {
        condition.lock()
        queue.append(command)
        condition.signal()
        condition.unlock()
        terminal.waker.wake()
    }

    /// Runs the loop on a new thread; returns when a ``Command/stop`` was handled.
    package func run() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                loop()
                done.resume()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func drain() -> Bool {
        condition.lock()
        let commands = queue
        queue = []
        condition.unlock()
        for command in commands {
            switch command {
            case .write(let text): terminal.write(text.hasSuffix("\n") ? text : text + "\n")
            case .completions(let words): terminal.setCompletions(words)
            case .mode(let mode): terminal.inputMode = mode
            case .stop:
                terminal.endPrompt()
                return false
            }
        }
        return true
    }

    private func loop() {
        var inputEnded = false
        while true {
            guard drain() else { return }
            terminal.setPrompt(clock())
            let nextSecond = Date(
                timeIntervalSinceReferenceDate: Date().timeIntervalSinceReferenceDate.rounded(.down) + 1)
            if inputEnded {
                condition.lock()
                if queue.isEmpty { _ = condition.wait(until: nextSecond) }
                condition.unlock()
                continue
            }
            let event = terminal.nextEvent(until: nextSecond)
            switch event {
            case .endOfInput:
                inputEnded = true
                onInput(.endOfInput)
            case .line, .key, .interrupt: onInput(event)
            case .resize, .timeout, .wake: break
            }
        }
    }
}
