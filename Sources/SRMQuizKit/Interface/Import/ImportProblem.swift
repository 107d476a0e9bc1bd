/// Something in an imported file that could not be converted (or was converted with a loss), and
/// the line it is on.
public struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based line where the question (or record) starts.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`; the CLI prints `FILE:N: message`.
    public var description: String { "line \(line): \(message)" }
}
