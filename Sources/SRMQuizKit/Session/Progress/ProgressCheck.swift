import CCRC32C
import Foundation

/// The integrity check of progress files (format 4): each log line, and the state file, ends with a
/// `"crc32c"` member holding the CRC-32C of the bytes before it (the object as the encoder wrote
/// it, without its closing brace), as 8 lowercase hex digits:
/// `{"event":"review",…,"crc32c":"1a2b3c4d"}`.
///
/// A line or file changed after it was written (a flipped bit, a hand edit) then fails its check
/// instead of being read as something else.
enum ProgressCheck {
    /// What comes before the digits in a log line, and in the pretty-printed state file.
    private static let lineMarker = Array(#","crc32c":""#.utf8)
    private static let fileMarker = Array(",\n  \"crc32c\" : \"".utf8)
    /// What comes after them.
    private static let lineEnd = Array("\"}".utf8)
    private static let fileEnd = Array("\"\n}".utf8)

    /// The CRC-32C of `bytes`.
    static func crc(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        srm_crc32c(0, bytes.baseAddress, bytes.count)
    }

    /// `json`, an object as `JSONEncoder` wrote it (compact for a line, pretty for the state),
    /// with its check as the last member.
    static func seal(_ json: Data, pretty: Bool) -> Data {
        let content = json.dropLast(pretty ? 2 : 1)  // `}`, or `\n}`
        let sum = content.withUnsafeBytes { crc($0) }
        var hex = Array(String(sum, radix: 16).utf8)
        hex.insert(contentsOf: repeatElement(0x30, count: 8 - hex.count), at: 0)
        var sealed = Data(content)
        sealed.append(contentsOf: (pretty ? fileMarker : lineMarker) + hex + (pretty ? fileEnd : lineEnd))
        return sealed
    }

    /// What the end of an object says about its check.
    enum Found: Equatable {
        /// The check is there and matches.
        case valid
        /// There is no check (a file written before format 4, or its end was damaged).
        case absent
        /// The check is there but does not match the bytes before it.
        case mismatch
    }

    /// Looks for the check at the end of `bytes` (a log line without its newline, or a state
    /// file without its last newline) and verifies it.
    static func verify(_ bytes: UnsafeBufferPointer<UInt8>, pretty: Bool) -> Found {
        let marker = pretty ? fileMarker : lineMarker
        let end = pretty ? fileEnd : lineEnd
        let size = marker.count + 8 + end.count
        let n = bytes.count
        guard n > size, let base = bytes.baseAddress,
            memcmp(base + n - end.count, end, end.count) == 0,
            memcmp(base + n - size, marker, marker.count) == 0
        else { return .absent }
        var stored: UInt32 = 0
        for k in n - end.count - 8..<n - end.count {
            let c = bytes[k]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return .mismatch
            }
            stored = stored << 4 | UInt32(digit)
        }
        return crc(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[..<(n - size)])) == stored
            ? .valid : .mismatch
    }
}
