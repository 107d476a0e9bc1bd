/// A ``LineReader`` for standard input that is not a terminal: plain lines, no readline, no
/// escape codes. The prompt and the line read are echoed to `echo` (if given), so a transcript
/// of a piped session reads like the interactive one.
public final class PlainLineReader: LineReader {
    private let echo: (any TextSink)?
    private let read: () -> String?

    /// Reads from standard input.
    public convenience init(echo: (any TextSink)?) {
        self.init(echo: echo) { Swift.readLine(strippingNewline: true) }
    }

    /// Reads lines from `read` (which returns `nil` at end of input).
    public init(echo: (any TextSink)?, read: @escaping () -> String?) {
        self.echo = echo
        self.read = read
    }

    public func readLine(prompt: String) -> String? {
        echo?.write(prompt)
        guard let line = read() else {
            echo?.write("\n")
            return nil
        }
        let clean = line.hasSuffix("\r") ? String(line.dropLast()) : line
        echo?.write(TerminalText.sanitize(clean) + "\n")
        return clean
    }
}
