import Foundation
import Testing

@testable import SRMQuizKit

@Suite struct TimestampTests {
    /// 2025-01-31 14:25:01.123 UTC.
    let date = Date(timeIntervalSince1970: 1_738_333_501.123)

    @Test func formatsAreUTCAndAgree() {
        #expect(Timestamp.day(date) == "2025-01-31")
        #expect(Timestamp.minute(date) == "2025-01-31 14:25 UTC")
        #expect(Timestamp.fileStamp(date) == "20250131T142501Z")
        #expect(Timestamp.fileStamp(date, milliseconds: true) == "20250131T142501.123Z")
    }

    @Test func minutesRoundDownLikeAClock() {
        #expect(Timestamp.minute(Date(timeIntervalSince1970: 1_738_333_559.9999)) == "2025-01-31 14:25 UTC")
    }

    @Test(arguments: [
        ("2026-03-31", "2026-03-31"), ("2024-02-29", "2024-02-29"),
    ])
    func aRealDayReadsAsNoonUTC(text: String, day: String) throws {
        let date = try #require(Timestamp.day(from: text))
        #expect(Timestamp.day(date) == day)
        #expect(Timestamp.minute(date) == day + " 12:00 UTC")
    }

    @Test(arguments: [
        "2025-02-29", "2025-13-01", "2025-1-01", "2025-01-1", "20250101", "2025-01-01T", "", "abcd-ef-gh",
    ])
    func anythingElseIsNoDay(text: String) {
        #expect(Timestamp.day(from: text) == nil)
    }
}

@Suite struct HTMLEscapeTests {
    @Test func escapesMarkupAndShowsControlCharacters() {
        #expect(
            HTMLEscape.escape("<a href=\"x\">Tom & 'Jerry'</a>\u{1B}[31m")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;^[[31m")
        #expect(HTMLEscape.escape("one\ntwo\tthree") == "one\ntwo\tthree")
    }

    @Test func singleLineTurnsEveryLineBreakIntoOneBr() {
        #expect(HTMLEscape.escape("a\r\nb\rc\nd\te", layout: .singleLine) == "a<br>b<br>c<br>d&#9;e")
    }
}
