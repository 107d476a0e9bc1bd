import Foundation

/// One file given to `srmquiz report`, read and told apart by its content.
package enum ReportInput: Sendable {
    /// A learner's progress file: its review log and cards, and what the reader noticed (a torn
    /// last line left out, an old format), which the report must pass on.
    case progress(file: String, log: [ReviewLogEntry], cards: [String: Card], warnings: [String])
    /// An exam results file.
    case exam(file: String, ExamResult)
    /// A class results file.
    case classSession(file: String, ClassResult)

    /// Reads `path` and detects its kind: a `format` of ``ExamResult/formatName`` or
    /// ``ClassResult/formatName``, or a progress file (a numeric `format`), read with its review
    /// log and without its lock (``ProgressDocument/read(at:)``), so a session may be running.
    package static func load(path: String) throws(ReportInputError) -> ReportInput {
        let data: Data
        do {
            data = try BoundedFileReader.read(path: path, limit: BoundedFileReader.inputFileLimit)
        } catch {
            throw ReportInputError(file: path, message: error.reason)
        }
        // A progress state is recognised by reading it (its fast path), not by decoding it all
        // with JSONDecoder just to see its `format`.
        if (try? ProgressLoader.decodeState([UInt8](data), file: URL(fileURLWithPath: path))) != nil {
            return try progress(path)
        }
        let kind: FormatProbe
        do {
            kind = try JSONDecoder().decode(FormatProbe.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw ReportInputError(file: path, message: "expected a JSON object at the top level")
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw ReportInputError(
                file: path, message: "not JSON: expected a progress, exam or class results file")
        } catch {
            throw ReportInputError(
                file: path,
                message: "unknown kind of file (no `format`): expected a progress file, or an exam or "
                    + "class results file")
        }
        switch kind {
        case .number:
            return try progress(path)
        case .name(let format):
            return try parse(data, file: path, format: format)
        }
    }

    /// The progress at `path`, with its review log (every line checked; a damaged one is an error).
    private static func progress(_ path: String) throws(ReportInputError) -> ReportInput {
        do {
            guard let read = try ProgressDocument.read(at: URL(fileURLWithPath: path)) else {
                throw ReportInputError(file: path, message: "the progress file disappeared")
            }
            return .progress(
                file: path, log: read.document.reviews, cards: read.document.cards, warnings: read.warnings)
        } catch let error as ProgressError {
            throw ReportInputError(file: path, message: error.description)
        } catch {
            throw ReportInputError(file: path, message: "\(error)")
        }
    }

    /// The `format` of a file: a number for progress files, a name for results files.
    private enum FormatProbe: Decodable {
        case number
        case name(String)

        enum CodingKeys: String, CodingKey { case format }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if (try? c.decode(Int.self, forKey: .format)) != nil {
                self = .number
            } else {
                self = .name(try c.decode(String.self, forKey: .format))
            }
        }
    }

    /// Decodes exam or class results (`format` named `format`) in `data`, read from `file`.
    private static func parse(_ data: Data, file: String, format: String) throws(ReportInputError)
        -> ReportInput
    {
        do {
            switch format {
            case ExamResult.formatName:
                return .exam(file: file, try ExamResult.decoder().decode(ExamResult.self, from: data))
            case ClassResult.formatName:
                return .classSession(
                    file: file, try ExamResult.decoder().decode(ClassResult.self, from: data))
            default:
                throw ReportInputError(
                    file: file,
                    message: "unknown kind of file (format \"\(format)\"): expected a progress file, or an "
                        + "exam or class results file")
            }
        } catch let error as ReportInputError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportInputError(
                file: file, message: "corrupt: missing \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ReportInputError(file: file, message: "corrupt: wrong type at \(path(context.codingPath))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ReportInputError(file: file, message: "corrupt: null at \(path(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw ReportInputError(
                file: file, message: "corrupt at \(path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw ReportInputError(file: file, message: "corrupt: \(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty
            ? "top level"
            : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}

/// A file `srmquiz report` cannot use.
package struct ReportInputError: Error, CustomStringConvertible, Sendable {
    package var file: String
    package var message: String
    package init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    package var description: String { "\(file): \(message)" }
}
