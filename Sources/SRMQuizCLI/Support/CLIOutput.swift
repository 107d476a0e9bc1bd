import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// Printing helpers for commands: results to stdout, diagnostics to stderr.
enum CLIOutput {
    static func print(_ text: String) {
        StandardOutput().write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints text for a person to read: sanitised, and wrapped by the one wrapper at the
    /// terminal's width now (80, or `$COLUMNS`, when standard output is not a terminal).
    static func printText(_ text: String) {
        let wrapped = TextWrap.wrap(TerminalText.sanitize(text), width: TerminalSize.columns())
        StandardOutput().write(wrapped.hasSuffix("\n") ? wrapped : wrapped + "\n")
    }

    /// Prints `message` to stderr as `srmquiz: message` and returns the exit code to throw.
    static func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        StandardOutput.standardError.write("srmquiz: \(message)\n")
        return ExitCode(code)
    }

    /// JSON text of `value`, pretty-printed with sorted keys.
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            return "null"
        }
        return text
    }

    /// Loads the banks named by `options`, or prints every problem and fails.
    static func loadBank(_ options: BankOptions) throws -> Bank {
        let paths: [String]
        do {
            paths = try options.paths()
        } catch let error as ValidationError {
            throw fail(error.message)
        }
        do {
            return try BankLoader.load(paths: paths)
        } catch {
            throw fail(error.description)
        }
    }
}
