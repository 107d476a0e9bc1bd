import SRMQuizKit
import Testing

/// The one wrapper: display width, hanging indents, whole URLs, no broken words.
@Suite struct TextWrapDisplayTests {
    @Test(arguments: [
        ("abc", 3), ("日本語", 6), ("e\u{301}te\u{301}", 3), ("👍 ok", 5), ("\u{1B}[1mbold\u{1B}[0m", 4), ("", 0),
    ])
    func displayWidthCountsColumns(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func wideCharactersWrapByColumnsNotCharacters() {
        let text = Array(repeating: "日本語", count: 10).joined(separator: " ")
        let lines = TextWrap.wrap(text, width: 20).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        // Three words take 6 + 1 + 6 + 1 + 6 = 20 columns (but 11 characters): 3 + 3 + 3 + 1.
        #expect(lines.count == 4)
        #expect(DisplayWidth.of(lines[0]) == 20)
    }

    @Test func choicesHangUnderTheirText() {
        let wrapped = TextWrap.wrap(
            "  b) Patching the guest operating system and the software installed on it", width: 30)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines[0] == "  b) Patching the guest")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
    }

    @Test func urlsStayWholeOnALineOfTheirOwn() {
        let url =
            "https://docs.aws.amazon.com/whitepapers/latest/aws-risk-and-compliance/shared-responsibility-model.html"
        let wrapped = TextWrap.wrap("Source: " + url + " (read it)", width: 60)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.contains(url))
        #expect(lines == ["Source:", url, "(read it)"])
    }

    @Test func filePathsStayWholeOnALineOfTheirOwn() {
        let path = "/home/annabelle/.local/share/srmquiz/annabelle-the-long-named-learner.json"
        let wrapped = TextWrap.wrapLine(
            "srmquiz: warning: new learner 'annabelle-the-long-named-learner' at \(path)", width: 80,
            indent: "  ")
        #expect(
            wrapped == ["srmquiz: warning: new learner 'annabelle-the-long-named-learner' at", "  " + path])
        // Too wide for the indent too: from the first column, whole.
        let deeper = "/srv/classes/2026/autumn" + path
        #expect(
            TextWrap.wrapLine("saved at \(deeper) today", width: 80, indent: "  ") == [
                "saved at", deeper, "  today",
            ])
        // Short enough to follow its words: it stays where it falls; in quotes it still counts.
        #expect(TextWrap.wrapLine("saved to /tmp/x.json", width: 80) == ["saved to /tmp/x.json"])
        #expect(TextWrap.keptWhole("'~/notes/p.json'") && TextWrap.keptWhole("../b.yaml"))
        #expect(!TextWrap.keptWhole("and/or") && !TextWrap.keptWhole("/"))
    }

    @Test(arguments: [40, 60, 80])
    func noWordIsEverBroken(width: Int) {
        let text =
            "When using Amazon EC2, who is responsible for keeping the publicly readable bucket policies "
            + "and the guest operating system of the instances patched and hardened? Antidisestablishmentarianism."
        let wrapped = TextWrap.wrap(text, width: width)
        #expect(wrapped.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width })
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
    }

    @Test func sanitiserKeepsOnlyStylesWhenAsked() {
        let text = "\u{1B}[1mbold\u{1B}[0m \u{1B}]52;c;aGk=\u{07}x\u{1B}[2J"
        #expect(
            TerminalText.sanitize(text, keepingStyles: true) == "\u{1B}[1mbold\u{1B}[0m ^[]52;c;aGk=^Gx^[[2J")
        #expect(TerminalText.sanitize(text) == "^[[1mbold^[[0m ^[]52;c;aGk=^Gx^[[2J")
    }
}
