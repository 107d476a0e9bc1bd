/// What a ``Terminal`` reports to the code that drives it.
package enum TerminalEvent: Sendable, Equatable {
    /// A line was entered (line mode), without its newline.
    case line(String)
    /// One key was pressed (key mode: no Enter needed).
    case key(TerminalKey)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C: the line being edited has already been dropped.
    case interrupt
    /// The window changed size; text written from now on is laid out at `columns`.
    case resize(columns: Int)
    /// The deadline given to ``Terminal/nextEvent(until:)`` passed.
    case timeout
    /// Another thread called ``TerminalWaker/wake()``: drain your own queue.
    case wake
}

/// One key in key mode.
package enum TerminalKey: Sendable, Equatable {
    case character(Character)
    case enter
    case escape
    case backspace
}

/// How a ``Terminal`` reads input.
package enum TerminalInputMode: Sendable, Equatable {
    /// Whole lines: line editing, history and Tab completion on a terminal.
    case lines
    /// Single keys as they are pressed, not echoed (an instructor's one-key commands).
    case keys
}
