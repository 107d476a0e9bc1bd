import Foundation
import SRMQuizKit
import SRMQuizServer

/// The instructor's screen of a live class on plain lines: prints each change (joins, the
/// question, answer counts, results, the podium) and reads commands as lines (empty line: start
/// or next; p, s, q, r NAME, ?).
final class ClassHostConsole: @unchecked Sendable {
    private let lock = NSLock()
    private let changes: AsyncStream<LiveClass>
    private let continuation: AsyncStream<LiveClass>.Continuation
    private let output = StandardOutput()

    init() {
        (changes, continuation) = AsyncStream<LiveClass>.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    /// Called by the hub after every change.
    func changed(_ state: LiveClass) { continuation.yield(state) }

    func print(_ text: String) {
        lock.withLock { output.write(text.hasSuffix("\n") ? text : text + "\n") }
    }

    /// Runs until the class finishes.
    func run(hub: ClassHub, lines: AsyncStream<String>) async {
        let commands = Task {
            for await line in lines {
                let text = line.trimmingCharacters(in: .whitespaces)
                switch text.lowercased() {
                case "", " ": await hub.advance()
                case "p": await hub.togglePause()
                case "s": await hub.skip()
                case "q": await hub.end()
                case "?": self.print(LiveClassScreen.keyHelp)
                default:
                    if text.lowercased().hasPrefix("r ") {
                        let name = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                        let removed = await hub.remove(name: name)
                        self.print(
                            removed
                                ? "Removed \(TerminalText.sanitize(name))."
                                : "No player called \(TerminalText.sanitize(name)).")
                    } else {
                        self.print("Unknown command. " + LiveClassScreen.keyHelp)
                    }
                }
            }
        }
        defer { commands.cancel() }
        var last = await hub.state
        var ranks: [String: Int] = [:]
        for await state in changes {
            render(state, after: last, ranks: &ranks)
            last = state
            if state.phase == .finished { return }
        }
    }

    private func render(_ state: LiveClass, after last: LiveClass, ranks: inout [String: Int]) {
        let now = Date()
        if state.phase == .lobby, state.players.count != last.players.count {
            print(LiveClassScreen.lobby(state))
        }
        if state.phase != last.phase {
            switch state.phase {
            case .open(let index, _):
                if case .paused = last.phase {
                    print("Resumed. " + LiveClassScreen.status(state, now: now))
                } else {
                    print("\n" + LiveClassScreen.question(state, now: now))
                    _ = index
                }
            case .paused: print("Paused. " + LiveClassScreen.status(state, now: now))
            case .reveal:
                print("\n" + LiveClassScreen.results(state, previous: ranks))
                ranks = LiveClassScreen.ranks(state)
            case .finished, .lobby: break
            }
        } else if case .open = state.phase, state.answeredCount != last.answeredCount {
            print(LiveClassScreen.status(state, now: now))
        }
    }
}
