/// A ``LineReader`` that can complete words (Tab in readline): the REPL tells it, before each
/// prompt, what the current question accepts.
public protocol CompletingLineReader: LineReader {
    /// The words Tab may complete to at the next prompt.
    func setCompletions(_ candidates: [String])
}
