import Foundation

/// One file given to `srmquiz report`, read and told apart by its content.
public enum ReportInput: Sendable {
    /// A learner's progress file: its review log and cards.
    case progress(file: String, log: [ReviewLogEntry], cards: [String: Card])
    /// An exam results file.
    case exam(file: String, ExamResult)
    /// A class results file.
    case classSession(file: String, ClassResult)

    /// Reads `path` and detects its kind: a `format` of ``ExamResult/formatName`` or
    /// ``ClassResult/formatName``, or a progress file (an object with a `log` array).
    public static func load(path: String) throws(ReportInputError) -> ReportInput {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReportInputError(
                file: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(data, file: path)
    }

    /// Detects and decodes `data`, read from `file`.
    public static func parse(_ data: Data, file: String) throws(ReportInputError) -> ReportInput {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ReportInputError(
                file: file, message: "not JSON: expected a progress, exam or class results file")
        }
        guard let dict = object as? [String: Any] else {
            throw ReportInputError(file: file, message: "expected a JSON object at the top level")
        }
        let format = dict["format"] as? String
        do {
            switch format {
            case ExamResult.formatName:
                return .exam(file: file, try ExamResult.decoder().decode(ExamResult.self, from: data))
            case ClassResult.formatName:
                return .classSession(
                    file: file, try ExamResult.decoder().decode(ClassResult.self, from: data))
            default:
                guard dict["format"] is NSNumber, dict["reviews"] != nil else {
                    throw ReportInputError(
                        file: file,
                        message:
                            "unknown kind of file\(format.map { " (format \"\($0)\")" } ?? ""): expected a "
                            + "progress file, or an exam or class results file")
                }
                do {
                    let document = try ProgressCodec.decode(data, file: file).document
                    return .progress(file: file, log: document.reviews, cards: document.cards)
                } catch {
                    throw ReportInputError(file: file, message: error.description)
                }
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
public struct ReportInputError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}
