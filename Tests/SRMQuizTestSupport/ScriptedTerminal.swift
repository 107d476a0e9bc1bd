import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// A ``Terminal`` for tests: plays a script of events at given times against a ``ManualClock``,
/// and keeps everything written and every prompt shown.
///
/// ``nextEvent(until:)`` moves the clock to the next scripted event or to the deadline,
/// whichever comes first: a test says "answer `b` at 3 s" and "nothing more", and sees the
/// exam end at its time limit without waiting for it.
package final class ScriptedTerminal: Terminal {
    /// One scripted event, `at` seconds after the terminal was made.
    package struct Step: Sendable {
        package var at: TimeInterval
        package var event: TerminalEvent
        package init(at: TimeInterval, _ event: TerminalEvent) {
            self.at = at
            self.event = event
        }
    }

    /// The clock the script moves.
    package let clock: ManualClock
    package let waker: TerminalWaker
    package var inputMode: TerminalInputMode = .lines
    package private(set) var columns: Int
    /// Everything written, wrapped at the width of the moment, prompts and lines included.
    package private(set) var transcript = ""
    /// Every prompt set, in order (repeats of the same prompt are not kept).
    package private(set) var prompts: [String] = []
    /// The completion candidates in force each time a line was read.
    package private(set) var completionHistory: [[String]] = []
    private var steps: [Step]
    private let start: Date
    private var candidates: [String] = []
    private var halfTyped = ""
    /// Whether input ends with the script (Ctrl-D); `false` keeps it open and silent, like a
    /// pipe nobody writes to, so only deadlines pass.
    package var endsInput = true
    /// Lines that arrive ``pace`` seconds after each wait for them starts.
    private var paced: [String] = []
    private var pace: TimeInterval = 1
    private var pacedDue: Date?
    private let wakes = WakeCounter()

    /// A terminal `columns` wide that plays `steps` (in time order) on `clock`.
    package init(_ steps: [Step], columns: Int = 80, clock: ManualClock = ManualClock()) {
        self.steps = steps.sorted { $0.at < $1.at }
        self.columns = columns
        self.clock = clock
        self.start = clock.now()
        let counter = wakes
        self.waker = TerminalWaker(hook: { counter.increment() })
    }

    /// `lines` typed one after another, each `every` seconds after the terminal starts waiting
    /// for it (a learner who takes 8 s to answer each question, whatever came before).
    package convenience init(
        lines: [String], every step: TimeInterval = 1, columns: Int = 80, clock: ManualClock = ManualClock()
    ) {
        self.init([], columns: columns, clock: clock)
        self.paced = lines
        self.pace = step
    }

    /// Scripted events not played yet.
    package var remaining: [Step] { steps }

    /// Paced lines not read yet.
    package var remainingLines: [String] { paced }

    package func write(_ text: String) {
        transcript += TextWrap.wrap(TerminalText.sanitize(text, keepingStyles: true), width: columns)
    }

    package func setPrompt(_ prompt: String) {
        if prompts.last != prompt { prompts.append(prompt) }
    }

    package func setCompletions(_ words: [String]) { candidates = words }

    /// Text the script says is half-typed when a question closes (see ``typing(_:)``).
    package func discardInput() -> String {
        defer { halfTyped = "" }
        return halfTyped
    }

    package func endPrompt() { halfTyped = "" }

    /// Pretends `text` is half-typed at the prompt, until the next line or ``discardInput()``.
    package func typing(_ text: String) { halfTyped = text }

    package func nextEvent(until deadline: Date?) -> TerminalEvent {
        if wakes.take() { return .wake }
        if let deadline, clock.now() >= deadline { return .timeout }
        if !paced.isEmpty {
            let due = pacedDue ?? clock.now().addingTimeInterval(pace)
            pacedDue = due
            if let deadline, deadline < due {
                clock.set(deadline)
                return .timeout
            }
            clock.set(due)
            pacedDue = nil
            let line = paced.removeFirst()
            completionHistory.append(candidates)
            transcript += (prompts.last ?? "") + line + "\n"
            return .line(line)
        }
        guard let next = steps.first else {
            if let deadline, !endsInput {
                clock.set(deadline)
                return .timeout
            }
            return .endOfInput
        }
        let due = start.addingTimeInterval(next.at)
        if let deadline, deadline < due {
            clock.set(deadline)
            return .timeout
        }
        clock.set(due)
        steps.removeFirst()
        switch next.event {
        case .line(let line):
            completionHistory.append(candidates)
            transcript += (prompts.last ?? "") + line + "\n"
        case .resize(let width):
            columns = width
        case .endOfInput:
            transcript += (prompts.last ?? "") + "\n"
        default:
            break
        }
        return next.event
    }

    package func finish() {}
}

/// Wake-ups counted across threads.
private final class WakeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    func take() -> Bool {
        lock.withLock {
            guard count > 0 else { return false }
            count -= 1
            return true
        }
    }
}
