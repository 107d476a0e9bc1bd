import Foundation

/// The one time format of progress files: ISO 8601 in UTC with milliseconds,
/// `2025-03-01T09:30:00.125Z`, years 0001 to 9999.
///
/// A time is kept as whole milliseconds since 1970: writing rounds to the nearest millisecond and
/// reading gives `Date(timeIntervalSince1970: ms / 1000)`, so a written time reads back as the
/// same `Date`, bit for bit. (Foundation's `Date.ISO8601FormatStyle` truncates milliseconds and
/// parses `2025-02-31` as 3 March, so it cannot be this format's codec.)
package enum ProgressTime {
    /// The first and last instants a file can hold, in milliseconds since 1970.
    static let range: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    /// `date` rounded to the millisecond, as the file will hold it.
    package static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double((date.timeIntervalSince1970 * 1000).rounded()) / 1000)
    }

    /// `card` with its times rounded to the millisecond.
    package static func rounded(_ card: Card) -> Card {
        var card = card
        card.due = rounded(card.due)
        card.lastReview = card.lastReview.map(rounded)
        return card
    }

    /// `2025-03-01T09:30:00.125Z`, or `nil` if `date` is not finite or outside years 1 to 9999.
    package static func string(from date: Date) -> String? {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        guard scaled.isFinite, Double(range.lowerBound) <= scaled, scaled <= Double(range.upperBound)
        else { return nil }
        let ms = Int64(scaled)
        let (days, inDay) = floorDivide(ms, 86_400_000)
        let (year, month, day) = civil(days: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(inDay / 3_600_000, 2)):"
            + "\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2)).\(pad(inDay % 1000, 3))Z"
    }

    /// The time in `text`, which must be exactly `YYYY-MM-DDTHH:MM:SS.mmmZ` with a real calendar
    /// date; `nil` otherwise.
    package static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The time in the 24 bytes `b` (see ``date(from:)``).
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
            b[19] == 0x2E, b[23] == 0x5A
        else { return nil }
        func number(_ start: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for i in start..<start + count {
                let digit = Int64(b[i]) - 0x30
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            let milli = number(20, 3), year >= 1, (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let ms = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milli
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// The time in a file written before format 3: ISO 8601 with any number of fraction digits
    /// (or none) and `Z` or a `±hh:mm` offset, rounded to the millisecond.
    static func legacyDate(from text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count >= 20 else { return nil }
        var end = chars.count
        var offsetSeconds = 0
        if chars[end - 1] == 0x5A {
            end -= 1
        } else if end >= 25, chars[end - 6] == 0x2B || chars[end - 6] == 0x2D, chars[end - 3] == 0x3A,
            let h = Int(String(decoding: chars[end - 5..<end - 3], as: UTF8.self)),
            let m = Int(String(decoding: chars[end - 2..<end], as: UTF8.self)), h < 24, m < 60
        {
            offsetSeconds = (h * 3600 + m * 60) * (chars[end - 6] == 0x2D ? -1 : 1)
            end -= 6
        } else {
            return nil
        }
        var fraction = 0.0
        if end > 19 {
            guard chars[19] == 0x2E, end > 20,
                let value = Double("0" + String(decoding: chars[19..<end], as: UTF8.self))
            else { return nil }
            fraction = value
        }
        guard end >= 19,
            let whole = date(from: String(decoding: chars[0..<19], as: UTF8.self) + ".000Z")
        else { return nil }
        return rounded(whole.addingTimeInterval(fraction - Double(offsetSeconds)))
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b
        let r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (the inverse of ``daysFromCivil(year:month:day:)``).
    private static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension JSONEncoder.DateEncodingStrategy {
    /// Progress times (``ProgressTime``); a time that cannot be written is an encoding error.
    static var progress: JSONEncoder.DateEncodingStrategy {
        .custom { date, encoder in
            guard let text = ProgressTime.string(from: date) else {
                throw EncodingError.invalidValue(
                    "\(date.timeIntervalSince1970)",
                    EncodingError.Context(
                        codingPath: encoder.codingPath,
                        debugDescription: "time \(date.timeIntervalSince1970) is not between years 1 and 9999"
                    ))
            }
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// Progress times (``ProgressTime``), strictly; with `legacy`, the forms earlier formats allowed.
    static func progress(legacy: Bool = false) -> JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = legacy ? ProgressTime.legacyDate(from: text) : ProgressTime.date(from: text)
            else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "invalid time \"\(text)\": expected a real UTC date and time "
                        + "like 2025-03-01T09:30:00.125Z")
            }
            return date
        }
    }
}
