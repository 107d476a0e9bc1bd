import SRMQuizKit
import Testing

@Suite struct TextWrapTests {
    @Test func foldsAtSpacesWithinTheWidth() {
        let text =
            "When using Amazon EC2, who is responsible for patching the guest operating system of instances?"
        let folded = TextWrap.fold(text, width: 40)
        #expect(folded.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(folded.replacingOccurrences(of: "\n", with: " ") == text)
    }

    @Test func continuationLinesTakeTheIndentAndLongWordsStayWhole() {
        let folded = TextWrap.fold(
            "  a) " + String(repeating: "x", count: 50) + " tail words here", width: 30, indent: "     ")
        let lines = folded.split(separator: "\n").map(String.init)
        #expect(lines.first == "  a)")
        #expect(lines[1] == "     " + String(repeating: "x", count: 50))
        #expect(lines.last == "     tail words here")
    }

    @Test func keepsParagraphsAndShortLines() {
        #expect(TextWrap.fold("short\n\nlines", width: 20) == "short\n\nlines")
    }
}
