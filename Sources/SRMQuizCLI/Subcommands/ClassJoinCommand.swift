import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizServer
import SRMQuizTerminal

/// `srmquiz class join ADDRESS:PORT`: a student answers a live class from a terminal.
struct ClassJoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a live class from this terminal.",
        discussion: """
            ADDRESS:PORT is what the instructor's screen shows (e.g. 192.168.1.20:8765). Answer with \
            letters (`b`, `a c`), a choice number, or the choice's text; the countdown is in the prompt. \
            With --learner or --progress, each answered question is added to that progress file as a \
            review (on this machine; the host never writes your files). Piped input works: one answer \
            per line, used in order.
            """
    )

    @Argument(
        help: ArgumentHelp("The host's address and port, as shown on its screen.", valueName: "address:port"))
    var address: String

    @Option(help: "The name to show on the scoreboard (asked when not given).")
    var name: String?

    @Option(help: "The join code on the instructor's screen (asked when not given).")
    var pin: String?

    @Flag(
        name: .customLong("no-record"),
        help: "Do not record the answers in a progress file (the default without --learner or --progress).")
    var noRecord = false

    @OptionGroup var learnerOptions: LearnerOptions

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if noRecord, learnerOptions.learner != nil || learnerOptions.progress != nil {
            throw ValidationError("--no-record cannot be combined with --learner or --progress")
        }
        let parts = address.split(separator: ":")
        guard parts.count >= 2, let port = Int(parts.last ?? ""), (1...65535).contains(port) else {
            throw ValidationError("ADDRESS:PORT must name a host and a port, e.g. 192.168.1.20:8765")
        }
    }

    @MainActor
    func run() async throws {
        let wantsRecord = !noRecord && (learnerOptions.learner != nil || learnerOptions.progress != nil)
        // Open (and lock) the progress file before joining, so a locked or corrupt file is
        // reported before the first question.
        let recorder = wantsRecord ? try ClassAnswerRecorder(options: learnerOptions) : nil
        defer { recorder?.close() }
        let client = ClassStudentClient(address: address, pin: pin, name: name)
        let screen = StudentScreen(terminal: TerminalInput.terminal())
        let code = await screen.run { lines, output, prompt, countdown in
            await client.run(
                lines: lines, output: output, prompt: prompt, countdown: countdown,
                completions: { screen.complete($0) },
                record: { id, correct, answer, ms in
                    try recorder?.record(itemID: id, correct: correct, answer: answer, timeMs: ms)
                })
        }
        if let recorder, recorder.count > 0 {
            CLIOutput.print(
                "\(recorder.count) answer\(recorder.count == 1 ? "" : "s") added to \(recorder.learner)'s review schedule"
            )
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// The terminal student's screen: lines typed go to the class, the class's text is written
/// above the prompt, and the prompt shows the countdown (`[0:17] Answer: `).
final class StudentScreen: @unchecked Sendable {
    private let lock = NSLock()
    private let terminal: any Terminal
    private var pump: TerminalPump!
    private var base = ""
    private var deadline: Date?
    private let lines: AsyncStream<String>
    private let linesContinuation: AsyncStream<String>.Continuation

    init(terminal: any Terminal) {
        self.terminal = terminal
        (lines, linesContinuation) = AsyncStream<String>.makeStream()
        terminal.inputMode = .lines
        pump = TerminalPump(
            terminal: terminal,
            clock: { [unowned self] in
                self.lock.withLock {
                    guard let deadline = self.deadline, !self.base.isEmpty else { return self.base }
                    let left = Int(deadline.timeIntervalSinceNow.rounded(.up))
                    return "[\(TextFormat.clock(left))] " + self.base
                }
            },
            onInput: { [unowned self] event in
                switch event {
                case .line(let line): self.linesContinuation.yield(line)
                case .endOfInput: self.linesContinuation.finish()
                case .interrupt: self.pump.post(.write("Ctrl-D leaves the class."))
                default: break
                }
            })
    }

    /// Sets the words Tab completes to.
    func complete(_ words: [String]) { pump.post(.completions(words)) }

    /// Runs `session` with the screen's lines, output, prompt and countdown; returns its result.
    func run(
        _ session:
            @escaping @Sendable (
                AsyncStream<String>, @escaping @Sendable (String) -> Void,
                @escaping @Sendable (String) -> Void,
                @escaping @Sendable (Double?) -> Void
            ) async -> Int32
    ) async -> Int32 {
        let screen = Task { await pump.run() }
        let code = await session(
            lines,
            { [self] text in pump.post(.write(text)) },
            { [self] text in
                lock.withLock { base = text }
                terminal.waker.wake()
            },
            { [self] seconds in
                lock.withLock { deadline = seconds.map { Date().addingTimeInterval($0) } }
                terminal.waker.wake()
            })
        pump.post(.stop)
        await screen.value
        terminal.finish()
        return code
    }
}

/// Records live-class answers in the student's own progress file, one review per answered question.
final class ClassAnswerRecorder: @unchecked Sendable {
    private let store: ProgressStore
    private let lock = NSLock()
    private(set) var count = 0

    init(options: LearnerOptions) throws {
        store = try ProgressCommandSupport.open(options)
    }

    var learner: String { store.learner }

    func record(itemID: String, correct: Bool, answer: [String], timeMs: Int) throws {
        try lock.withLock {
            try ReviewRecorder(store: store).recordClassAnswer(
                itemID: itemID, correct: correct, answer: answer, timeMs: timeMs, at: Date())
            count += 1
        }
    }

    func close() { store.close() }
}
