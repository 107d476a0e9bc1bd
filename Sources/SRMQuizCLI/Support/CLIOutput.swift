import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizTerminal

/// The one output path of the commands: everything goes to ``CLIConsole/current`` and through
/// ``TerminalText/sanitize(_:)`` — results, messages and errors alike.
///
/// Documents (exports, reports, worksheets, JSON) go out byte for byte to a file or a pipe, and
/// sanitised to a terminal. Errors are thrown, not printed: ``report(_:)`` prints them once, at the
/// root.
enum CLIOutput {
    private static var console: CLIConsole { CLIConsole.current }

    /// Prints a line of results (sanitised).
    static func print(_ text: String) {
        let clean = TerminalText.sanitize(text)
        console.output.write(clean.hasSuffix("\n") ? clean : clean + "\n")
    }

    /// Prints text for a person to read: sanitised, and wrapped by the one wrapper at the
    /// terminal's width now (80, or `$COLUMNS`, when standard output is not a terminal).
    static func printText(_ text: String) {
        let wrapped = TextWrap.wrap(TerminalText.sanitize(text), width: TerminalSize.columns())
        console.output.write(wrapped.hasSuffix("\n") ? wrapped : wrapped + "\n")
    }

    /// Writes a document (an export, a report, a worksheet, JSON) to the output: as it is to a
    /// file or a pipe, sanitised on a terminal.
    static func document(_ text: String) {
        console.output.write(console.outputIsTerminal ? TerminalText.sanitize(text) : text)
    }

    /// Writes a document to `output`, the `--output` of export, print and report.
    ///
    /// A file is replaced atomically and readable by all (mode 0644); `nil` or `-` is the output
    /// (``document(_:)``).
    static func document(_ text: String, to output: String?) throws {
        guard let output, output != "-" else {
            document(text)
            return
        }
        do {
            try DurableFile.write(text, to: output, mode: 0o644)
        } catch {
            throw fail(error.description)
        }
    }

    /// Writes a line to the error stream as it is given (sanitised): problem lists such as
    /// `FILE:LINE: message`.
    static func diagnostic(_ text: String) {
        let clean = TerminalText.sanitize(text)
        console.error.write(clean.hasSuffix("\n") ? clean : clean + "\n")
    }

    /// A message for a person on the error stream (sanitised): wrapped at the terminal's width
    /// when the error stream is a terminal (continuation rows indented two columns, file paths
    /// and links kept whole), as it is otherwise.
    static func message(_ text: String) {
        var clean = TerminalText.sanitize(text)
        if console.errorIsTerminal {
            let width = TerminalSize.columns(of: STDERR_FILENO)
            clean = clean.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TextWrap.wrapLine(String($0), width: width, indent: "  ").joined(separator: "\n") }
                .joined(separator: "\n")
        }
        console.error.write(clean.hasSuffix("\n") ? clean : clean + "\n")
    }

    /// `srmquiz: warning: …` on the error stream.
    static func warning(_ text: String) { message("srmquiz: warning: \(text)") }

    /// `srmquiz: note: …` on the error stream.
    static func note(_ text: String) { message("srmquiz: note: \(text)") }

    /// `srmquiz: …` on the error stream, for information that is not a warning.
    static func inform(_ text: String) { message("srmquiz: \(text)") }

    /// The error to throw for `message`; it is printed once, at the root, by ``report(_:)``.
    static func fail(_ message: String, code: Int32 = 1) -> CLIError {
        CLIError(message, code: code)
    }

    /// Prints `error` (sanitised) and returns the exit status for it: 0 for `--help` and
    /// `--version`, 1 for bad input or data, 64 for a bad command line.
    ///
    /// The one place errors become messages and exit codes.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as CLIError:
            message("srmquiz: \(error.message)")
            return error.code
        case let error as ExitCode:
            return error.rawValue
        default:
            break
        }
        let code = SRMQuizCommand.exitCode(for: error)
        // ArgumentParser's own errors (its `CommandError` wraps anything thrown while parsing and
        // validating) carry their message and usage; other errors are the library's own.
        let fromParser = String(describing: type(of: error)) == "CommandError"
        if code == .success || code == .validationFailure || fromParser {
            // Help, version, and ArgumentParser's parsing and validation errors (with usage).
            let message = SRMQuizCommand.fullMessage(for: error)
            if code == .success {
                print(message)
            } else {
                diagnostic(message)
            }
            return code.rawValue
        }
        message("srmquiz: \(String(describing: error))")
        return 1
    }

    /// JSON text of `value`, pretty-printed with sorted keys, safe for a terminal.
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            return "null"
        }
        return terminalSafeJSON(text)
    }

    /// `json` with every character a terminal would act on (DEL, C1 controls, bidirectional
    /// controls, which JSON encoders leave raw) written as a `\uXXXX` escape: the same JSON
    /// value, and nothing left for ``TerminalText/sanitize(_:)`` to change.
    static func terminalSafeJSON(_ json: String) -> String {
        guard !TerminalText.isClean(json) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if TerminalText.needsEscape(scalar) {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Loads the banks named by `options`, or fails with every problem.
    static func loadBank(_ options: BankOptions) throws -> Bank {
        let paths = try options.paths()
        do {
            return try BankLoader.load(paths: paths)
        } catch {
            throw fail(error.description)
        }
    }
}
