/// Colour and emphasis for terminal output, or none at all.
///
/// Colour is used only when standard output is a terminal, `NO_COLOR` is not set (to any value,
/// even empty: https://no-color.org) and `--no-color` was not given.
package struct TerminalStyle: Sendable, Hashable {
    /// Whether escape codes are written.
    package var colored: Bool

    package init(colored: Bool) {
        self.colored = colored
    }

    /// No escape codes.
    package static let plain = TerminalStyle(colored: false)

    /// The style for an output that `isTerminal` or not, under `environment` and `--no-color`.
    package static func detect(
        isTerminal: Bool, environment: [String: String], noColorFlag: Bool
    ) -> TerminalStyle {
        TerminalStyle(colored: isTerminal && !noColorFlag && environment["NO_COLOR"] == nil)
    }

    package func bold(_ text: String) -> String { wrap(text, "1") }
    package func dim(_ text: String) -> String { wrap(text, "2") }
    package func green(_ text: String) -> String { wrap(text, "32") }
    package func red(_ text: String) -> String { wrap(text, "31") }
    package func yellow(_ text: String) -> String { wrap(text, "33") }
    package func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
