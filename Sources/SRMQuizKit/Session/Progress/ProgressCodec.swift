import Foundation

/// Reading and writing progress documents and journal lines as JSON: lossless ISO-8601 dates, and
/// errors turned into ``ProgressError``s that name the file and the field. Progress files go
/// through the hand-written ``ProgressFileWriter`` and ``ProgressFileReader``; journal lines and
/// format 1 files through Foundation's coders configured here.
public enum ProgressCodec {
    /// A decoded file and the format it was in.
    public struct Decoded: Sendable {
        public var document: ProgressDocument
        /// The format found in the file (``ProgressDocument/currentFormat`` unless it was migrated).
        public var format: Int
    }

    /// An encoder for progress files: pretty-printed, keys sorted, so files diff well.
    public static func fileEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .progress
        return encoder
    }

    /// An encoder for journal lines: one line, keys sorted.
    public static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .progress
        return encoder
    }

    /// A decoder for progress files and journal lines.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .progress
        return decoder
    }

    /// `document` as the bytes of a progress file (ending with a newline), written by the fast
    /// hand-written writer (see ``ProgressFileWriter``).
    public static func encode(_ document: ProgressDocument, file: String) throws(ProgressError) -> Data {
        Data(try ProgressFileWriter.encode(document, file: file))
    }

    /// The document in `data`, read from `file` (any JSON layout); format 1 is migrated.
    public static func decode(_ data: Data, file: String) throws(ProgressError) -> Decoded {
        let head = try ProgressFileReader.read([UInt8](data), file: file)
        var state = ProgressState(head: head)
        return Decoded(document: try state.document(), format: head.format)
    }

    /// `error` as a ``ProgressError`` naming `file` and the field or place.
    static func progressError(_ error: DecodingError, file: String, data: Data) -> ProgressError {
        switch error {
        case .keyNotFound(let key, let context):
            return .missingField(file: file, field: fieldPath(context.codingPath + [key]))
        case .typeMismatch(let type, let context):
            return .invalidField(
                file: file, field: fieldPath(context.codingPath), message: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return .invalidField(
                file: file, field: fieldPath(context.codingPath),
                message: "expected \(typeName(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let (line, column, message) = syntaxLocation(context, data: data)
                return .invalidJSON(file: file, line: line, column: column, message: message)
            }
            return .invalidField(
                file: file, field: fieldPath(context.codingPath), message: context.debugDescription)
        @unknown default:
            return .invalidJSON(file: file, line: nil, column: nil, message: "\(error)")
        }
    }

    /// `cards.ec2-owner.due`, `reviews[3].rating`.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is Date.Type: "an ISO-8601 timestamp"
        default:
            "\(type)".contains("Dictionary")
                ? "an object" : "\(type)".contains("Array") ? "an array" : "\(type)"
        }
    }

    /// The line and column of a JSON syntax error. The decoder does not say where the error is,
    /// so the data is parsed again with `JSONSerialization`, which gives the offset.
    private static func syntaxLocation(_ context: DecodingError.Context, data: Data) -> (Int?, Int?, String) {
        var underlying = context.underlyingError
        if underlying == nil {
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                underlying = error
            }
        }
        guard let underlying else {
            return (
                nil, nil, context.debugDescription.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            )
        }
        let nsError = underlying as NSError
        let message = ((nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(underlying)")
            .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        var offset = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int
        if offset == nil, let range = message.range(of: "around character ") {
            offset = Int(message[range.upperBound...].prefix { $0.isNumber })
        }
        guard let offset, offset <= data.count else { return (nil, nil, message) }
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column, message.replacingOccurrences(of: " around character \(offset)", with: ""))
    }
}
