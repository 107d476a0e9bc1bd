import Foundation

/// ISO-8601 UTC timestamps with fractional seconds, as written in progress files: lossless, so a
/// `Date` read back is bit-for-bit the `Date` written (`2025-03-01T09:30:00.125Z`).
///
/// Writing picks the fewest fractional digits (at least three) that read back exactly; reading
/// accepts any number of fractional digits (or none) and a `Z` or `±hh:mm` offset.
public enum ProgressDateFormat {
    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    private static let referenceOffset: Int64 = 978_307_200

    /// `date` as ISO-8601 UTC text with fractional seconds.
    public static func string(from date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `date` as ISO-8601 UTC text to the second, rounded down (`2025-03-01T09:30:00Z`).
    public static func wholeSecondsString(from date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        appendCivil(unixSeconds: Int64(date.timeIntervalSince1970.rounded(.down)), to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The date in `text`, or `nil` if it is not an ISO-8601 timestamp.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Appends `date` as ISO-8601 UTC text with fractional seconds (no quotes) to `bytes`.
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let t = date.timeIntervalSinceReferenceDate
        guard t.isFinite, abs(t) < 1e15 else {
            bytes.append(contentsOf: "1970-01-01T00:00:00.000Z".utf8)
            return
        }
        let whole = t.rounded(.down)
        appendCivil(unixSeconds: Int64(whole) + referenceOffset, to: &bytes)
        bytes.append(46)  // .
        appendFraction(t - whole, whole: whole, exact: t, to: &bytes)
        bytes.append(90)  // Z
    }

    /// Appends the fewest digits (at least 3) of `fraction` such that `whole + digits` is `exact`.
    /// `Double(n) / 10^d` is the correctly rounded value of the decimal `0.ddd`, which is what
    /// `parse` reads back, so the check below is the round trip itself.
    private static func appendFraction(
        _ fraction: Double, whole: Double, exact: Double, to bytes: inout [UInt8]
    ) {
        var scale = 1000.0
        for digits in 3...9 {
            let n = (fraction * scale).rounded()
            if n < scale, whole + n / scale == exact {
                appendDigits(Int64(n), width: digits, to: &bytes)
                return
            }
            scale *= 10
        }
        // The shortest text that reads back as `fraction` itself always works.
        bytes.append(contentsOf: plainDecimal(fraction).utf8)
    }

    /// Appends `value` (non-negative) with leading zeros up to `width` digits.
    private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: v % 10) + 48
                v /= 10
                count += 1
            } while v > 0 && count < 20
            var pad = width - count
            while pad > 0 {
                bytes.append(48)
                pad -= 1
            }
            while count > 0 {
                count -= 1
                bytes.append(buffer[count])
            }
        }
    }

    /// `value` in [0, 1) as the digits after "0.", without an exponent.
    private static func plainDecimal(_ value: Double) -> String {
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasPrefix("0.") ? String(text.dropFirst(2)) : "0"
        }
        let mantissa = text[..<e].replacingOccurrences(of: ".", with: "")
        let exponent = Int(text[text.index(after: e)...]) ?? 0  // negative for values below 1e-4
        return String(repeating: "0", count: max(0, -exponent - 1)) + mantissa
    }

    /// Appends `YYYY-MM-DDThh:mm:ss` for a count of seconds since 1970 (proleptic Gregorian).
    private static func appendCivil(unixSeconds: Int64, to bytes: inout [UInt8]) {
        var days = unixSeconds / 86_400
        var secs = unixSeconds % 86_400
        if secs < 0 {
            secs += 86_400
            days -= 1
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        if year < 0 {
            bytes.append(45)
            appendDigits(-year, width: 1, to: &bytes)
        } else {
            appendDigits(year, width: 4, to: &bytes)
        }
        bytes.append(45)
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(45)
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(84)  // T
        appendDigits(secs / 3600, width: 2, to: &bytes)
        bytes.append(58)
        appendDigits(secs / 60 % 60, width: 2, to: &bytes)
        bytes.append(58)
        appendDigits(secs % 60, width: 2, to: &bytes)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Powers of ten that are exact doubles.
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// The date in the UTF-8 text `b`, or `nil`.
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        func number(_ count: Int) -> Int64? {
            guard i + count <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + count) {
                let d = b[k] &- 48
                guard d < 10 else { return nil }
                v = v * 10 + Int64(d)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            i < b.count, b[i] == 84 || b[i] == 116 || b[i] == 32
        else { return nil }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2), expect(58), let second = number(2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if i < b.count, b[i] == 46 {
            let start = i + 1
            i += 1
            var n: Int64 = 0
            while i < b.count, b[i] &- 48 < 10 {
                if i - start < 15 { n = n * 10 + Int64(b[i] - 48) }
                i += 1
            }
            let digits = i - start
            guard digits > 0 else { return nil }
            if digits <= 15 {
                // Exact numerator and power of ten: the quotient is the correctly rounded decimal.
                fraction = Double(n) / powersOfTen[digits]
            } else {
                guard
                    let f = Double(
                        "0." + String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                else {
                    return nil
                }
                fraction = f
            }
        }
        var offset: Int64 = 0
        guard i < b.count else { return nil }
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            let sign: Int64 = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2) else { return nil }
            _ = expect(58)
            guard let om = number(2) else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let unix =
            daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
            + second - offset
        return Date(timeIntervalSinceReferenceDate: Double(unix - referenceOffset) + fraction)
    }
}

extension JSONEncoder.DateEncodingStrategy {
    /// Progress files' timestamps: see ``ProgressDateFormat``.
    static var progress: JSONEncoder.DateEncodingStrategy {
        .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ProgressDateFormat.string(from: date))
        }
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// Progress files' timestamps: see ``ProgressDateFormat``.
    static var progress: JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ProgressDateFormat.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription:
                        "expected an ISO-8601 timestamp such as 2025-03-01T09:30:00.000Z, found \"\(text)\"")
            }
            return date
        }
    }
}
