import Foundation

/// A terminal that the session code drives with events: lines or keys typed, Ctrl-C and Ctrl-D,
/// window resizes, deadlines passing, and wake-ups from other threads.
///
/// Why a pull loop on one thread: GNU readline is not thread-safe, and its callback interface
/// (`rl_callback_read_char`) must be fed from the thread that owns it. So the thread that runs a
/// session also waits for its next event, in `poll(2)` over standard input, a self-pipe for
/// signals and wake-ups, with the time to the next deadline as the timeout. A session is then an
/// ordinary loop — `switch terminal.nextEvent(until: nextTick)` — that can redraw a clock in the
/// prompt while the learner types, close a question at zero, and take events from a network
/// thread (through ``waker``) without any locks of its own. Tests use `ScriptedTerminal`,
/// which plays scripted input against a manual clock.
///
/// Implementations: ``ReadlineTerminal`` (a TTY: GNU readline's callback interface, history,
/// completion, `~/.inputrc`), ``PipeTerminal`` (standard input is a pipe or file: plain lines,
/// timers still fire), `ScriptedTerminal` (tests, in the SRMQuizTestSupport target).
package protocol Terminal: AnyObject {
    /// Writes `text` above the line being edited (the prompt and the half-typed line are
    /// redrawn below it). Every paragraph is wrapped at ``columns`` as it is printed and passed
    /// through ``TerminalText/sanitize(_:)`` except for the style codes this program adds.
    func write(_ text: String)
    /// Changes the prompt in place (a clock such as `[12:04] > `), keeping the half-typed line.
    func setPrompt(_ prompt: String)
    /// Drops the half-typed line (a question closed while it was being typed) and returns it.
    @discardableResult func discardInput() -> String
    /// Takes the prompt (and any half-typed line) off the screen until the next
    /// ``nextEvent(until:)``: call it before a final screen.
    func endPrompt()
    /// The words Tab may complete to at the prompt.
    func setCompletions(_ words: [String])
    /// Lines (with editing, history and completion) or single keys (raw, no echo).
    var inputMode: TerminalInputMode { get set }
    /// The width to lay text out at now: the terminal's columns, else `$COLUMNS`, else 80.
    var columns: Int { get }
    /// Waits for the next event, at most until `deadline` (then ``TerminalEvent/timeout``);
    /// `nil` waits for input alone.
    func nextEvent(until deadline: Date?) -> TerminalEvent
    /// A thread-safe handle whose ``TerminalWaker/wake()`` makes a waiting ``nextEvent(until:)``
    /// return ``TerminalEvent/wake``.
    var waker: TerminalWaker { get }
    /// Gives the terminal back as it was found (history file trimmed, modes reset). Call once.
    func finish()
}

extension Terminal {
    /// Sets the prompt and waits for the next event.
    package func nextEvent(prompt: String, until deadline: Date? = nil) -> TerminalEvent {
        setPrompt(prompt)
        return nextEvent(until: deadline)
    }
}
