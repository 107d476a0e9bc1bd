/// An error a command reports to the user: its message (printed once, at the root, as
/// `srmquiz: message`) and its exit code (1 bad input or data, 64 bad command line).
package struct CLIError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, for a person to act on.
    package var message: String
    /// The exit status: 1 for bad input or data, 64 for a bad command line.
    package var code: Int32

    package init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    /// A bad command line (exit status 64).
    package static func usage(_ message: String) -> CLIError { CLIError(message, code: 64) }

    package var description: String { message }
}
