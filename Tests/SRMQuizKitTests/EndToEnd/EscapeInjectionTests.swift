import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

@testable import SRMQuizCLI

/// Issue 14 item 1: no terminal escape injection.
///
/// Each of 15 hostile payloads is put in every text field of a bank, valid and invalid (so
/// `bank validate` quotes it in its errors), and every command that prints bank text runs on it;
/// the bytes of standard output and standard error must hold no raw control character, escape
/// sequence, C1 control or bidi override.
@Suite struct EscapeInjectionTests {
    /// The payloads: clipboard write, screen clear, CSI and OSC variants, 8-bit controls, bidi
    /// overrides and single control characters.
    static let payloads: [(name: String, text: String)] = [
        ("OSC 52 clipboard", "\u{1B}]52;c;SGVsbG8=\u{07}"),
        ("clear screen", "\u{1B}[2J\u{1B}[H"),
        ("SGR colour", "\u{1B}[31;1mred"),
        ("alternate screen", "\u{1B}[?1049h"),
        ("OSC title with ST", "\u{1B}]0;owned\u{1B}\\"),
        ("OSC 8 hyperlink", "\u{1B}]8;;http://evil.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\"),
        ("DCS", "\u{1B}P1$qm\u{1B}\\"),
        ("8-bit CSI", "\u{9B}2J"),
        ("8-bit OSC and ST", "\u{9D}0;title\u{9C}"),
        ("right-to-left override", "\u{202E}txt.exe"),
        ("bidi isolates", "\u{2066}\u{2067}\u{2068}x\u{2069}\u{200F}"),
        ("BEL", "\u{07}\u{07}"),
        ("backspace", "abc\u{08}\u{08}\u{08}xyz"),
        ("carriage return", "hidden\rshown"),
        ("DEL and NUL", "a\u{7F}b\u{00}c"),
    ]

    /// Whether `data` holds a byte sequence a terminal would act on (newline and tab allowed).
    static func rawControls(in data: Data) -> [String] {
        var found: [String] = []
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
                found.append(String(format: "0x%02X at %d", b, i))
            } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                found.append(String(format: "U+00%02X at %d", bytes[i + 1], i))
            } else if b == 0xD8, i + 1 < bytes.count, bytes[i + 1] == 0x9C {
                found.append("U+061C at \(i)")
            } else if b == 0xE2, i + 2 < bytes.count {
                let scalar =
                    (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6)
                    | UInt32(bytes[i + 2] & 0x3F)
                if [0x200E, 0x200F, 0x2028, 0x2029].contains(scalar) || (0x202A...0x202E).contains(scalar)
                    || (0x2066...0x2069).contains(scalar)
                {
                    found.append(String(format: "U+%04X at %d", scalar, i))
                }
            }
            i += 1
        }
        return found
    }

    /// `text` as a YAML double-quoted scalar, every non-printable character escaped.
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += String(format: "\\u%04X", scalar.value)
            }
        }
        return out + "\""
    }

    /// A valid bank with `payload` in every text field.
    static func validBank(_ payload: String) -> String {
        let p = { (text: String) in yaml(text + " " + payload) }
        return """
            sources:
              SRM:
                url: https://aws.amazon.com/compliance/shared-responsibility-model/
                title: \(p("AWS Shared Responsibility Model"))
                aws: true
            services:
              - id: ec2
                name: \(p("Amazon EC2"))
                category: infrastructure
                sources: [SRM]
              - id: rds
                name: \(p("Amazon RDS"))
                category: container
                sources: [SRM]
            tasks:
              - id: os-patching
                text: \(p("patching the operating system"))
                topic: patching
            controls:
              - id: patch-management
                name: \(p("Patch management"))
                type: shared
                aws: \(p("Patches the infrastructure."))
                customer: \(p("Patches guest operating systems and applications."))
                sources: [SRM]
            facts:
              - id: ec2-os-patching
                task: os-patching
                service: ec2
                text: \(p("patching the guest operating system"))
                owner: customer
                reason: \(p("The guest OS is the customer's on infrastructure services."))
                nuance:
                  owner: aws
                  text: \(p("AWS patches the hosts."))
                sources: [SRM]
              - id: rds-os-patching
                task: os-patching
                service: rds
                text: \(p("patching the operating system of DB instances"))
                owner: aws
                reason: \(p("RDS maintenance covers the underlying OS."))
                sources: [SRM]
            questions:
              - id: scn-one
                type: single
                prompt: \(p("Who patches the guest OS on EC2?"))
                choices: [\(p("AWS")), \(p("The customer")), \(p("Both equally"))]
                answer: [\(p("The customer"))]
                explanation: \(p("The guest OS is the customer's."))
                facts: [ec2-os-patching]
                sources: [SRM]
            """
    }

    /// A bank whose every error quotes `payload`: bad keys, ids, categories, owners, types,
    /// references and answers.
    static func invalidBank(_ payload: String) -> String {
        let p = { (text: String) in yaml(text + payload) }
        return """
            sources:
              \(p("SRM")):
                url: \(p("https://example.com/"))
                title: t
                aws: true
            services:
              - id: \(p("ec2"))
                name: n
                category: \(p("infra"))
                sources: [\(p("NOPE"))]
            facts:
              - id: f1
                task: \(p("t"))
                service: \(p("ec9"))
                text: x
                owner: \(p("aws"))
                reason: r
                sources: [\(p("SRM"))]
            questions:
              - id: \(p("q"))
                type: \(p("single"))
                prompt: p
                choices: [a, b]
                answer: [\(p("c"))]
                explanation: e
                sources: [SRM]
            \(p("unknown-section")): 1
            """
    }

    /// The scanner itself sees every payload, and nothing in its sanitised form.
    @Test func scannerSeesEveryPayload() {
        for (name, text) in Self.payloads {
            #expect(!Self.rawControls(in: Data(text.utf8)).isEmpty, "\(name)")
            #expect(Self.rawControls(in: Data(TerminalText.sanitize(text).utf8)).isEmpty, "\(name)")
        }
    }

    @Test(arguments: payloads.map(\.name))
    func noRawControlReachesStdoutOrStderr(payloadName: String) throws {
        let payload = try #require(Self.payloads.first { $0.name == payloadName }).text
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let valid = dir.appendingPathComponent("valid.yaml")
        try Self.validBank(payload).write(to: valid, atomically: true, encoding: .utf8)
        // The file name carries the payload too (error messages quote it); NUL cannot be in one.
        let invalidName = "bank" + payload.replacingOccurrences(of: "\u{0}", with: "") + ".yaml"
        let invalid = dir.appendingPathComponent(invalidName.replacingOccurrences(of: "/", with: ""))
        try Self.invalidBank(payload).write(to: invalid, atomically: true, encoding: .utf8)
        let bank = ["--no-bundled", "--bank", valid.path]
        let bad = ["--no-bundled", "--bank", invalid.path]

        let runs: [(arguments: [String], input: String, status: Set<Int32>)] = [
            // The lint may object to a payload's punctuation (a comma check), so 1 is allowed here.
            (["bank", "validate", "--no-bundled", valid.path], "", [0, 1]),
            (["bank", "validate", "--no-bundled", "--json", valid.path], "", [0, 1]),
            (["bank", "list", "items"] + bank, "", [0]),
            (["bank", "list", "facts"] + bank, "", [0]),
            (["bank", "list", "services"] + bank, "", [0]),
            (["bank", "list", "questions"] + bank, "", [0]),
            (["bank", "stats"] + bank, "", [0]),
            (["intro"] + bank, "", [0]),
            (
                ["quiz", "--count", "4", "--seed", "1", "--learner", "q"] + bank,
                "a\n:explain\n:hint\nb\nzzz\n:stats\n", [0]
            ),
            (["study", "--learner", "s", "--limit", "3"] + bank, "a\n\n3\nb\n", [0]),
            (["cram", "--count", "2", "--learner", "c"] + bank, "b\na\n", [0]),
            (["exam", "--count", "2", "--seed", "1", "--no-record"] + bank, "a\n:review\n:flag\nb\n", [0]),
            (
                [
                    "class", "--players", "Ann,Bo", "--count", "1", "--seed", "1", "--results",
                    dir.appendingPathComponent("c.json").path,
                ] + bank, "a b\n", [0]
            ),
            (["report", dir.appendingPathComponent("c.json").path] + bank, "", [0]),
            (["report", "--learner", "q"] + bank, "", [0]),
            (["progress", "show", "--learner", "q"] + bank, "", [0]),
            (
                [
                    "print", "--count", "2", "--seed", "1", "--format", "text", "--answer-key", "--output",
                    dir.appendingPathComponent("w.txt").path,
                ] + bank, "", [0]
            ),
            (["quiz", "--service", "ec2" + payload] + bank, "", [64]),
            (["class", "--players", "Ann" + payload], "", [64]),
            (["bank", "validate", "--no-bundled", invalid.path], "", [1]),
            (["bank", "validate", "--no-bundled", "--json", invalid.path], "", [1]),
            (["quiz", "--learner", "b"] + bad, "", [1]),
            (["print"] + bad, "", [1]),
            (["export", "--format", "csv"] + bad, "", [1]),
        ]
        let home = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        for run in runs {
            let result = try CLI.runBytes(run.arguments, input: run.input, home: home)
            let label = run.arguments.prefix(3).joined(separator: " ")
            #expect(
                run.status.contains(result.status),
                "\(payloadName): \(label) exited \(result.status): \(String(decoding: result.stderr, as: UTF8.self))"
            )
            let inOut = Self.rawControls(in: result.stdout)
            let inErr = Self.rawControls(in: result.stderr)
            #expect(inOut.isEmpty, "\(payloadName): \(label): raw controls on stdout: \(inOut.prefix(5))")
            #expect(inErr.isEmpty, "\(payloadName): \(label): raw controls on stderr: \(inErr.prefix(5))")
        }
    }

    /// Documents (exports, worksheets, reports) go to a file or a pipe byte for byte, but on a
    /// terminal they pass through the sanitiser too.
    @Test(arguments: payloads.map(\.name))
    func documentsOnATerminalAreSanitised(payloadName: String) async throws {
        let payload = try #require(Self.payloads.first { $0.name == payloadName }).text
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let valid = dir.appendingPathComponent("valid.yaml")
        try Self.validBank(payload).write(to: valid, atomically: true, encoding: .utf8)
        let bank = ["--no-bundled", "--bank", valid.path]
        let commands: [[String]] =
            ExportFormat.allCases.map { ["export", "--format", $0.rawValue] }
            + Worksheet.Format.allCases.map {
                ["print", "--count", "2", "--seed", "1", "--answer-key", "--format", $0.rawValue]
            }
            + [["bank", "list", "items", "--json"], ["bank", "stats", "--json"]]
        for command in commands {
            let output = BufferSink()
            let error = BufferSink()
            let status = await CLIConsole.$current.withValue(
                CLIConsole(output: output, error: error, outputIsTerminal: true)
            ) {
                await SRMQuizCommand.execute(command + bank)
            }
            #expect(status == 0, "\(command): \(error.text)")
            #expect(!output.text.isEmpty)
            let raw =
                Self.rawControls(in: Data(output.text.utf8)) + Self.rawControls(in: Data(error.text.utf8))
            #expect(raw.isEmpty, "\(payloadName): \(command.prefix(3)): \(raw.prefix(5))")
        }
    }
}
