/// Colour and emphasis for terminal output, or none at all.
///
/// Colour is used only when standard output is a terminal, `NO_COLOR` is not set (to any value,
/// even empty: https://no-color.org) and `--no-color` was not given.
public struct TerminalStyle: Sendable, Hashable {
    /// Whether escape codes are written.
    public var colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    /// No escape codes.
    public static let plain = TerminalStyle(colored: false)

    /// The style for an output that `isTerminal` or not, under `environment` and `--no-color`.
    public static func detect(
        isTerminal: Bool, environment: [String: String], noColorFlag: Bool
    ) -> TerminalStyle {
        TerminalStyle(colored: isTerminal && !noColorFlag && environment["NO_COLOR"] == nil)
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
