import SRMQuizKit
import Testing

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("red \u{1B}[31mtext\u{1B}[0m", "red ^[[31mtext^[[0m"),
        ("title \u{1B}]0;pwned\u{07}done", "title ^[]0;pwned^Gdone"),
        ("bell\u{07} and cr\r", "bell^G and cr^M"),
        ("keep\nnewlines\tand tabs", "keep\nnewlines\tand tabs"),
        ("8-bit \u{9B}2Jcsi", "8-bit \\u{9B}2Jcsi"),
        ("osc with st \u{1B}]8;;http://x\u{1B}\\link", "osc with st ^[]8;;http://x^[\\link"),
        ("nul\u{0} del\u{7F} bs\u{8}", "nul^@ del^? bs^H"),
        ("rtl \u{202E}txt.exe\u{2066}x\u{2069}", "rtl \\u{202E}txt.exe\\u{2066}x\\u{2069}"),
    ])
    func sanitizeShowsControlSequences(input: String, expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
        #expect(TerminalText.isClean(TerminalText.sanitize(input)))
    }

    @Test func stylesKeptOnlyWhenAsked() {
        let styled = "\u{1B}[1;32mok\u{1B}[0m \u{1B}[2J"
        #expect(TerminalText.sanitize(styled, keepingStyles: true) == "\u{1B}[1;32mok\u{1B}[0m ^[[2J")
        #expect(TerminalText.sanitize(styled) == "^[[1;32mok^[[0m ^[[2J")
    }
}
