/// Something in an imported file that could not be converted (or was converted with a loss), and
/// the line it is on.
package struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based line where the question (or record) starts.
    package var line: Int
    package var message: String

    package init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`; the CLI prints `FILE:N: message`.
    package var description: String { "line \(line): \(message)" }
}
