import Foundation
import SRMQuizKit
import SRMQuizServer
import SRMQuizTerminal

/// The instructor's projector screen of a live class on the terminal: prints each change
/// (joins, the question, results, the podium) above a prompt that shows the countdown and the
/// answer count, and takes one-key commands (Enter or space: start or next; p pause; s skip;
/// q end; r remove a player; ? keys).
final class ClassHostConsole: @unchecked Sendable {
    private let lock = NSLock()
    private let changes: AsyncStream<LiveClass>
    private let continuation: AsyncStream<LiveClass>.Continuation
    private let terminal: any Terminal
    private var pump: TerminalPump!
    private var latest: LiveClass?
    private var awaitingName = false
    private var running = true
    private var hub: ClassHub?

    init(terminal: any Terminal) {
        self.terminal = terminal
        (changes, continuation) = AsyncStream<LiveClass>.makeStream(bufferingPolicy: .unbounded)
        pump = TerminalPump(
            terminal: terminal, clock: { [unowned self] in self.prompt() },
            onInput: { [unowned self] in self.input($0) })
        terminal.inputMode = .keys
    }

    /// Called by the hub after every change.
    func changed(_ state: LiveClass) {
        lock.withLock { latest = state }
        continuation.yield(state)
        terminal.waker.wake()
    }

    /// Prints `text` above the prompt (or straight out once the screen has stopped).
    func print(_ text: String) {
        if lock.withLock({ running }) {
            pump.post(.write(text))
        } else {
            CLIOutput.print(text)
        }
    }

    private func prompt() -> String {
        lock.withLock {
            if awaitingName { return "Remove who? " }
            guard let state = latest else { return "" }
            switch state.phase {
            case .open, .paused: return LiveClassScreen.status(state, now: Date()) + " "
            case .lobby: return "[\(state.activePlayers.count) joined] Enter starts "
            case .reveal: return state.settings.autoAdvanceSeconds == nil ? "Enter: next question " : ""
            case .finished: return ""
            }
        }
    }

    private func input(_ event: TerminalEvent) {
        guard let hub = lock.withLock({ self.hub }) else { return }
        switch event {
        case .line(let name):
            lock.withLock { awaitingName = false }
            pump.post(.mode(.keys))
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return }
            Task {
                let removed = await hub.remove(name: trimmed)
                self.print(
                    removed
                        ? "Removed \(TerminalText.sanitize(trimmed))."
                        : "No player called \(TerminalText.sanitize(trimmed)).")
            }
        case .key(let key):
            switch key {
            case .enter, .character(" "): Task { await hub.advance() }
            case .character("p"), .character("P"): Task { await hub.togglePause() }
            case .character("s"), .character("S"): Task { await hub.skip() }
            case .character("q"), .character("Q"): Task { await hub.end() }
            case .character("r"), .character("R"):
                lock.withLock { awaitingName = true }
                pump.post(.mode(.lines))
            case .character("?"): print(LiveClassScreen.keyHelp)
            default: break
            }
        case .interrupt:
            Task { await hub.end() }
        default: break
        }
    }

    /// Runs until the class finishes.
    func run(hub: ClassHub) async {
        lock.withLock { self.hub = hub }
        let screen = Task { await pump.run() }
        var last = await hub.state
        var ranks: [String: Int] = [:]
        for await state in changes {
            render(state, after: last, ranks: &ranks)
            last = state
            if state.phase == .finished { break }
        }
        pump.post(.stop)
        await screen.value
        lock.withLock { running = false }
        terminal.finish()
    }

    private func render(_ state: LiveClass, after last: LiveClass, ranks: inout [String: Int]) {
        let now = Date()
        if state.phase == .lobby, state.players.count != last.players.count {
            print(LiveClassScreen.lobby(state))
        }
        guard state.phase != last.phase else { return }
        switch state.phase {
        case .open:
            if case .paused = last.phase {
                print("Resumed.")
            } else {
                print("\n" + LiveClassScreen.question(state, now: now, width: terminal.columns))
            }
        case .paused: print("Paused: p resumes.")
        case .reveal:
            print("\n" + LiveClassScreen.results(state, previous: ranks, width: terminal.columns))
            ranks = LiveClassScreen.ranks(state)
        case .finished, .lobby: break
        }
    }
}
