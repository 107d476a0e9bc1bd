import ArgumentParser
import Foundation
import SRMQuizKit

/// `--no-color`, for the commands that talk to a learner.
public struct DisplayOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (NO_COLOR does the same).")
    public var noColor = false

    public init() {}

    /// The style for standard output under these options and `environment`.
    public func style(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let isTerminal = isatty(STDOUT_FILENO) != 0
        return TerminalStyle.detect(
            isTerminal: isTerminal, environment: environment, noColorFlag: noColor,
            width: isTerminal ? Self.terminalColumns() : nil)
    }

    /// The terminal's width in columns (at most 100, for readable lines), or 80 if unknown.
    static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            return min(Int(size.ws_col), 100)
        }
        return 80
    }
}
