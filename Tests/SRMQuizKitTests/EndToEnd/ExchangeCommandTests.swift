import Foundation
import SRMQuizKit
import SRMQuizTestSupport
import Testing

/// `srmquiz export` and `srmquiz import` on the built binary.
@Suite struct ExchangeCommandTests {
    /// A temp dir holding the minimal fixture bank.
    static func fixtureBank() throws -> (dir: URL, bank: String) {
        let dir = try CLI.temporaryDirectory()
        let bank = dir.appendingPathComponent("bank.yaml")
        try BankFixture.minimal.write(to: bank, atomically: true, encoding: .utf8)
        return (dir, bank.path)
    }

    @Test(arguments: ExportFormat.allCases)
    func exportsEveryFormatToAFile(format: ExportFormat) throws {
        let (dir, bank) = try Self.fixtureBank()
        let out = dir.appendingPathComponent("out.\(format.fileExtension)")
        let result = try CLI.run([
            "export", "--format", format.rawValue, "--no-bundled", "--bank", bank, "--output", out.path,
            "--seed", "7",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        let marker: String =
            switch format {
            case .json: "\"id\": \"q/scn-one\""
            case .anki: "#guid column:1\n#tags column:4\n"
            case .gift: "::q/scn-one::Who patches the guest OS on EC2?{"
            case .aiken: "Who patches the guest OS on EC2?\n"
            case .csv: "id,kind,prompt,choices,answers,explanation,nuance,tags,sources\r\n"
            }
        #expect(text.contains(marker))
        // Same seed, same file; written to stdout without --output.
        let again = try CLI.run([
            "export", "--format", format.rawValue, "--no-bundled", "--bank", bank, "--seed", "7",
        ])
        #expect(again.stdout == text)
    }

    /// The bundled bank, every format: exports, and what imports back validates with the bundled bank.
    @Test(arguments: [ExportFormat.gift, .csv, .aiken, .json, .anki])
    func bundledBankExportsAndReimports(format: ExportFormat) throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("all.\(format.fileExtension)")
        let exported = try CLI.run(["export", "--format", format.rawValue, "-o", out.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.utf8.count > 10_000)
        guard let importFormat = ImportFormat(rawValue: format.rawValue) else { return }
        let bank = dir.appendingPathComponent("imported.yaml")
        let imported = try CLI.run(["import", "--format", importFormat.rawValue, out.path, "-o", bank.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        // CSV keeps service tags, which only the bundled bank defines: read without validating.
        let loaded = BankLoader.check(paths: [bank.path]).bank
        #expect(loaded.questions.count > 500)
        // The bundled bank's own hand-written questions come back too: drop those (same prompts)
        // and validate the rest together with the bundled bank.
        let bundled = Set(
            try BankLoader.load(paths: [CLI.bundledBank]).questions.map { $0.prompt.lowercased() })
        let yaml = try BankWriter.yaml(
            questions: loaded.questions.filter { !bundled.contains($0.prompt.lowercased()) })
        try yaml.write(to: bank, atomically: true, encoding: .utf8)
        let validate = try CLI.run(["bank", "validate", "--bank", bank.path])
        #expect(validate.status == 0, "\(validate.stderr.prefix(2000))")
    }

    @Test func aikenSaysWhatItSkipped() throws {
        let (_, bank) = try Self.fixtureBank()
        let result = try CLI.run(["export", "--format", "aiken", "--no-bundled", "--bank", bank])
        #expect(result.status == 0)
        let all = try CLI.run(["export", "--format", "json", "--no-bundled", "--bank", bank])
        let items = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]] ?? []
        let skippable = items.filter {
            ($0["answers"] as? [String])?.count != 1 || ($0["choices"] as? [String])?.isEmpty == true
        }
        if skippable.isEmpty {
            #expect(result.stderr.isEmpty)
        } else {
            #expect(
                result.stderr.contains("srmquiz: aiken: skipped \(skippable.count) of \(items.count) items (")
            )
        }
    }

    @Test func kindFilterKeepsOnlyThoseKinds() throws {
        let (_, bank) = try Self.fixtureBank()
        let result = try CLI.run([
            "export", "--format", "json", "--kind", "scenario", "--no-bundled", "--bank", bank,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let items = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(items.map { $0["kind"] as? String } == ["scenario"])
        let bad = try CLI.run([
            "export", "--format", "json", "--kind", "nope", "--no-bundled", "--bank", bank,
        ])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--kind: unknown value 'nope'"))
    }

    @Test func exportRoundTripsThroughImportAndValidates() throws {
        let (dir, bank) = try Self.fixtureBank()
        let gift = dir.appendingPathComponent("out.gift")
        let exported = try CLI.run([
            "export", "--format", "gift", "--no-bundled", "--bank", bank, "-o", gift.path,
        ])
        #expect(exported.status == 0, "\(exported.stderr)")
        // Extra questions the bank has no type for, to see them reported.
        let extra = "\n::essay::Discuss the model.{}\n\n::num::How many regions?{#33}\n"
        try (String(contentsOf: gift, encoding: .utf8) + extra).write(
            to: gift, atomically: true, encoding: .utf8)

        let imported = dir.appendingPathComponent("imported.yaml")
        let result = try CLI.run(["import", "--format", "gift", gift.path, "--output", imported.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Imported "))
        #expect(result.stderr.contains("\(gift.path):"))
        #expect(result.stderr.contains(": essay questions cannot be converted"))
        #expect(result.stderr.contains(": numerical questions cannot be converted"))
        #expect(
            result.stderr.contains("matching questions cannot be converted") == false,
            "the fixture has no service with 3 owner items")

        // The imported questions repeat the bank's own prompts: validate them on their own.
        let validate = try CLI.run(["bank", "validate", "--no-bundled", "--bank", imported.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let loaded = try BankLoader.load(paths: [imported.path])
        #expect(loaded.questions.contains { $0.id == "q-scn-one" && $0.answers == ["The customer"] })
    }

    @Test func importRefusesToOverwriteWithoutForce() throws {
        let dir = try CLI.temporaryDirectory()
        let input = dir.appendingPathComponent("in.txt")
        try "Who patches the guest OS?\nA. AWS\nB. Customer\nC. Both\nANSWER: B\n".write(
            to: input, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("bank.yaml")
        try "keep me".write(to: output, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["import", "--format", "aiken", input.path, "-o", output.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("exists; not overwriting it (use --force)"))
        #expect(try String(contentsOf: output, encoding: .utf8) == "keep me")

        let forced = try CLI.run([
            "import", "--format", "aiken", input.path, "-o", output.path, "--force", "--json",
            "--source", "https://example.com/course",
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as? [String: Any]
        #expect(summary?["imported"] as? Int == 1)
        #expect(summary?["defaultedSources"] as? Int == 1)
        #expect(forced.stderr.contains("1 question(s) had no source and now cite https://example.com/course"))
        let bank = try BankLoader.load(paths: [output.path])
        #expect(bank.questions.first?.sources == ["https://example.com/course"])
    }

    @Test func importFailsWhenNothingConvertsOrTheInputIsUnreadable() throws {
        let dir = try CLI.temporaryDirectory()
        let input = dir.appendingPathComponent("in.gift")
        try "::e::Essay?{}\n".write(to: input, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("bank.yaml")
        let nothing = try CLI.run(["import", "--format", "gift", input.path, "-o", output.path])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("\(input.path):1: essay questions cannot be converted"))
        #expect(nothing.stderr.contains("nothing converted"))
        #expect(!FileManager.default.fileExists(atPath: output.path))

        let missing = try CLI.run([
            "import", "--format", "csv", dir.appendingPathComponent("none.csv").path, "-o", output.path,
        ])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read"))
    }

    @Test func aFileWithOnlyCategoriesSaysSoAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        let input = dir.appendingPathComponent("cats.gift")
        try "// exported from Moodle\n$CATEGORY: $course$/top/SRM\n".write(
            to: input, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("bank.yaml")
        let result = try CLI.run(["import", "--format", "gift", input.path, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No questions in \(input.path) (only categories/descriptions)"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
