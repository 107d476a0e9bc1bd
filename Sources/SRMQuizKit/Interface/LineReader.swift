/// Where the REPL reads lines from: GNU readline on a terminal, plain standard input when piped,
/// or a script in tests.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line, without its newline; `nil` at end of input (Ctrl-D).
    func readLine(prompt: String) -> String?
}
