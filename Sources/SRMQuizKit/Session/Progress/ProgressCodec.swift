import Foundation

/// The JSON coders of progress files (one schema: the `Codable` types), and decoding errors turned
/// into ``ProgressError``s that name the file and the field.
package enum ProgressCodec {
    /// An encoder for state files and printed JSON: pretty-printed, keys sorted, so files diff well.
    package static func fileEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .progress
        return encoder
    }

    /// An encoder for log lines: one line, keys sorted.
    package static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .progress
        return encoder
    }

    /// A decoder for state files and log lines; with `legacy`, for files of formats 1 and 2,
    /// whose times may have any number of fraction digits and an offset.
    package static func decoder(legacy: Bool = false) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .progress(legacy: legacy)
        return decoder
    }

    /// `value` as `encoder` writes it, with its integrity check (see ``ProgressCheck``; pretty for
    /// the state file, one line for a log line); `file` is named if it cannot be encoded.
    static func sealed(_ value: some Encodable, by encoder: JSONEncoder, file: String) throws(ProgressError)
        -> Data
    {
        do {
            let pretty = encoder.outputFormatting.contains(.prettyPrinted)
            return ProgressCheck.seal(try encoder.encode(value), pretty: pretty)
        } catch {
            throw .encoding(file: file, message: "\(error)")
        }
    }

    /// Why a log line cannot be used (the caller adds the file, line and offset).
    struct LineProblem: Error {
        var message: String
    }

    /// The log line in `bytes` (without its newline): its integrity check verified (required when
    /// `checked`, see ``ProgressCheck``), then read by the fast path, else by `JSONDecoder`.
    ///
    /// With `skipCards`, the fast path leaves out the cards before and after an answer.
    static func line(
        _ bytes: UnsafeBufferPointer<UInt8>, checked: Bool, skipCards: Bool = false,
        strings: inout StringTable
    ) -> Result<ProgressLogLine, LineProblem> {
        switch ProgressCheck.verify(bytes, pretty: false) {
        case .valid: break
        case .mismatch:
            return .failure(
                LineProblem(
                    message: "fails its integrity check (CRC-32C): it was changed after it was written"))
        case .absent:
            if checked {
                return .failure(
                    LineProblem(message: "has no integrity check (`crc32c`); the line was cut or changed"))
            }
        }
        if let line = ProgressFastPath.line(bytes, skipCards: skipCards, strings: &strings),
            line.problem == nil
        {
            return .success(line)
        }
        let data = Data(bytes)
        let line: ProgressLogLine
        do {
            line = try decoder().decode(ProgressLogLine.self, from: data)
        } catch let error as DecodingError {
            return .failure(LineProblem(message: reason(progressError(error, file: "", data: data))))
        } catch {
            return .failure(LineProblem(message: "\(error)"))
        }
        if let problem = line.problem { return .failure(LineProblem(message: problem)) }
        return .success(line)
    }

    /// The log line in `bytes` (see ``line(_:checked:skipCards:strings:)``), line `number` at byte
    /// `offset` of `file`.
    static func line(
        _ bytes: UnsafeBufferPointer<UInt8>, checked: Bool, number: Int, offset: Int, file: String
    )
        throws(ProgressError) -> ProgressLogLine
    {
        var strings = StringTable()
        switch line(bytes, checked: checked, strings: &strings) {
        case .success(let line): return line
        case .failure(let problem):
            throw .logDamaged(file: file, line: number, offset: offset, message: problem.message)
        }
    }

    /// The reason part of a decoding error (without the file).
    private static func reason(_ error: ProgressError) -> String {
        switch error {
        case .invalidJSON(_, _, _, let message): "not valid JSON: \(message)"
        case .missingField(_, let field): "missing the field `\(field)`"
        case .invalidField(_, let field, let message): "field `\(field)`: \(message)"
        default: error.description
        }
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

    /// The line and column of a JSON syntax error.
    ///
    /// The decoder does not say where the error is, so the data is parsed again with
    /// `JSONSerialization`, which gives the offset.
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
