/// A ``LineReader`` that replays given lines (tests), then reports end of input.
public final class ScriptedLineReader: CompletingLineReader {
    private var lines: [String]
    /// Every prompt shown, in order.
    public private(set) var prompts: [String] = []
    /// The completion candidates in force at each prompt, in order.
    public private(set) var completionHistory: [[String]] = []
    private var candidates: [String] = []

    public init(_ lines: [String]) {
        self.lines = lines
    }

    /// Lines not read yet.
    public var remaining: [String] { lines }

    public func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        completionHistory.append(candidates)
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    public func setCompletions(_ candidates: [String]) {
        self.candidates = candidates
    }
}
