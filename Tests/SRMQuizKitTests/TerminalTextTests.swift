import Testing
import SRMQuizKit

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("red \u{1B}[31mtext\u{1B}[0m", "red text"),
        ("title \u{1B}]0;pwned\u{07}done", "title done"),
        ("bell\u{07} and cr\r", "bell and cr"),
        ("keep\nnewlines\tand tabs", "keep\nnewlines\tand tabs"),
        ("8-bit \u{9B}2Jcsi", "8-bit csi"),
        ("osc with st \u{1B}]8;;http://x\u{1B}\\link", "osc with st link"),
    ])
    func sanitizeRemovesControlSequences(input: String, expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
    }
}
