import Foundation
import SRMQuizKit
import Testing

@Suite struct ProgressDateFormatTests {
    @Test func writesUTCWithMilliseconds() {
        #expect(ProgressDateFormat.string(from: ProgressFixtures.start) == "2025-03-01T09:30:00.125Z")
        #expect(ProgressDateFormat.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(
            ProgressDateFormat.string(from: Date(timeIntervalSince1970: 951_782_400))
                == "2000-02-29T00:00:00.000Z")
    }

    @Test func roundTripsEveryDateExactly() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<5000 {
            // 1950 to 2150, with arbitrary sub-second parts.
            let seconds = -631_152_000 + rng.nextUnit() * 6_311_520_000
            let date = Date(timeIntervalSince1970: seconds)
            let text = ProgressDateFormat.string(from: date)
            let back = try #require(ProgressDateFormat.date(from: text), "cannot read \(text)")
            #expect(
                back == date,
                "\(text): \(back.timeIntervalSinceReferenceDate) != \(date.timeIntervalSinceReferenceDate)")
        }
        let now = Date()
        #expect(ProgressDateFormat.date(from: ProgressDateFormat.string(from: now)) == now)
    }

    @Test(arguments: [
        ("2025-03-01T09:30:00Z", 1_740_821_400.0),
        ("2025-03-01T09:30:00.5Z", 1_740_821_400.5),
        ("2025-03-01T11:30:00+02:00", 1_740_821_400.0),
        ("2025-03-01T04:00:00-0530", 1_740_821_400.0),
    ])
    func readsOtherISOForms(text: String, seconds: Double) {
        #expect(ProgressDateFormat.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        "", "2025-03-01", "2025-13-01T00:00:00Z", "2025-03-01T09:30:00", "2025-03-01T09:30:00.Z",
        "2025-03-01T09:30:00Zjunk", "yesterday",
    ])
    func rejectsNonTimestamps(text: String) {
        #expect(ProgressDateFormat.date(from: text) == nil)
    }
}
