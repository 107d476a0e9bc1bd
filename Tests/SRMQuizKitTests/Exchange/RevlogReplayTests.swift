import Foundation
import Testing

@testable import SRMQuizKit

@Suite struct RevlogReplayTests {
    @Test func columnsInAnyOrderExtraColumnsIgnoredRowsSorted() throws {
        let csv = """
            review_rating,extra,review_time,card_id\r
            3,x,1767600600000,7\r
            3,y,1767600000000,7\r
            1,z,1767600000000,2\r

            """
        let rows = try RevlogReplay.parse(csv)
        #expect(rows.count == 3)
        #expect(rows[0] == RevlogRow(cardID: 7, reviewTime: 1_767_600_600_000, rating: .good, line: 2))
        let results = try RevlogReplay(kind: .fsrs).replay(rows)
        #expect(results.map(\.cardID) == [2, 7, 7])
        #expect(results.map(\.reviewTime) == [1_767_600_000_000, 1_767_600_000_000, 1_767_600_600_000])
        #expect(results[1].card.phase == .learning && results[1].card.step == 1)
        #expect(results[2].card.phase == .review)
    }

    @Test func jsonLineHasTheDocumentedShape() throws {
        let results = try RevlogReplay(kind: .fsrs).replay(
            csv: "card_id,review_time,review_rating\n7,1767600000000,1\n")
        // Again on a new card: step 0, S = w0 = 0.212, D = w4 = 6.4133, due one minute later.
        #expect(
            results[0].jsonLine(kind: .fsrs)
                == #"{"card_id": 7, "review_time": 1767600000000, "state": "learning", "step": 0, "stability": 0.212, "difficulty": 6.4133, "due": "2026-01-05T08:01:00Z"}"#
        )
        // SM-2 days start at 4 a.m. (here in UTC): Easy's 4 days are due from 04:00.
        let sm2 = try RevlogReplay(kind: .sm2, timeZone: "UTC").replay(
            csv: "card_id,review_time,review_rating\n7,1767600000000,4\n")
        #expect(
            sm2[0].jsonLine(kind: .sm2)
                == #"{"card_id": 7, "review_time": 1767600000000, "state": "review", "step": null, "stability": null, "difficulty": null, "ease": 2.5, "interval": 4, "due": "2026-01-09T04:00:00Z"}"#
        )
    }

    @Test(arguments: [
        ("", RevlogError.Problem.missingHeader, 1),
        ("7,1767600000000,3\n", .missingHeader, 1),
        ("card_id,review_time\n7,1767600000000\n", .missingColumn("review_rating"), 1),
        ("card_id,review_time,review_rating\n7,1767600000000\n", .wrongColumnCount(expected: 3, found: 2), 2),
        (
            "card_id,review_time,review_rating\n7,1767600000000,3\nx,1767600000000,3\n",
            .notAnInteger(column: "card_id", value: "x"), 3
        ),
        (
            "card_id,review_time,review_rating\n7,1.5,3\n",
            .notAnInteger(column: "review_time", value: "1.5"), 2
        ),
        (
            "card_id,review_time,review_rating\n7,1767600000000,\n",
            .notAnInteger(column: "review_rating", value: ""), 2
        ),
        ("card_id,review_time,review_rating\n7,1767600000000,0\n", .ratingOutOfRange(0), 2),
        ("card_id,review_time,review_rating\n7,1767600000000,5\n", .ratingOutOfRange(5), 2),
        // Found by fuzzing: a time past Int64 microseconds crashed the scheduler.
        ("card_id,review_time,review_rating\n7,9223372036854775807,3\n", .timeOutOfRange(Int64.max), 2),
        ("card_id,review_time,review_rating\n7,-1,3\n", .timeOutOfRange(-1), 2),
    ])
    func badInputNamesLineAndProblem(csv: String, problem: RevlogError.Problem, line: Int) {
        #expect(throws: RevlogError(source: "log.csv", line: line, problem: problem)) {
            try RevlogReplay.parse(csv, source: "log.csv")
        }
    }

    @Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws {
        // Anki's revlog export quotes text columns; a comma or newline inside one used to shift
        // every later column (the reader split lines on commas).
        let csv = """
            "card_id","note","review_time","review_rating"
            "7","a note, with a comma","1767600000000","3"
            8,"said ""hello""
            on two lines",1767600600000,1
            9,  plain  ,1767601200000, 4 

            """
        let rows = try RevlogReplay.parse(csv)
        #expect(
            rows == [
                RevlogRow(cardID: 7, reviewTime: 1_767_600_000_000, rating: .good, line: 2),
                RevlogRow(cardID: 8, reviewTime: 1_767_600_600_000, rating: .again, line: 3),
                RevlogRow(cardID: 9, reviewTime: 1_767_601_200_000, rating: .easy, line: 5),
            ])
    }

    @Test func anUnclosedQuoteIsAMalformedCSVErrorAtItsLine() {
        let csv = "card_id,review_time,review_rating\n7,1767600000000,3\n8,\"1767600000000,3\n"
        #expect(throws: RevlogError.self) { try RevlogReplay.parse(csv, source: "log.csv") }
        do {
            _ = try RevlogReplay.parse(csv, source: "log.csv")
        } catch {
            #expect(error.line == 3)
            #expect(
                error.description.hasPrefix("log.csv: line 3: malformed CSV: a quoted field is not closed"))
        }
    }

    @Test func errorDescriptionNamesFileLineAndExpectation() {
        let error = RevlogError(source: "log.csv", line: 4, problem: .ratingOutOfRange(9))
        #expect(error.description.hasPrefix("log.csv: line 4: review_rating is 9"))
        #expect(error.description.contains("expected 1"))
    }

    @Test func isoDatesAreUTCToTheSecond() {
        #expect(
            Timestamp.wholeSeconds(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(
            Timestamp.wholeSeconds(Date(timeIntervalSince1970: 951_825_599.9))
                == "2000-02-29T11:59:59Z")
        #expect(
            Timestamp.wholeSeconds(Date(timeIntervalSince1970: 4_102_444_800))
                == "2100-01-01T00:00:00Z")
        #expect(
            Timestamp.wholeSeconds(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
