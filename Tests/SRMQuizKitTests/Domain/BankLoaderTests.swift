import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

@Suite struct BankLoaderTests {
    @Test func minimalFixtureIsValid() {
        let (bank, problems) = BankFixture.load(BankFixture.minimal)
        #expect(problems == [])
        #expect(bank.services.map(\.id) == ["ec2", "rds"])
        #expect(bank.facts.count == 2)
        #expect(bank.questions.first?.answers == ["The customer"])
        #expect(bank.urls(for: ["SRM"]) == ["https://aws.amazon.com/compliance/shared-responsibility-model/"])
    }

    /// Each kind of mistake, the edit that makes it, and words its message must contain.
    static let brokenBanks: [(name: String, from: String, to: String, expected: [String], line: Int?)] = [
        ("syntax error", "    type: single\n", "    type: [single\n", ["YAML syntax error"], nil),
        (
            "unknown owner", "    owner: aws\n", "    owner: amazon\n",
            ["facts[1].owner", "expected one of aws, customer, shared", "'amazon'"], 38
        ),
        (
            "unknown category", "    category: container\n", "    category: serverless\n",
            ["services[1].category", "expected one of infrastructure, container, abstracted, none"], 13
        ),
        (
            "unknown service reference", "    service: rds\n", "    service: rdss\n",
            ["unknown service 'rdss'", "rds-os-patching"], nil
        ),
        (
            "unknown task reference", "    task: os-patching\n    service: rds",
            "    task: os-patch\n    service: rds",
            ["unknown task 'os-patch'"], nil
        ),
        (
            "duplicate id", "  - id: rds-os-patching\n", "  - id: ec2-os-patching\n",
            ["duplicate facts id 'ec2-os-patching'", "first defined at test.yaml:27"], 34
        ),
        (
            "missing source", "    facts: [ec2-os-patching]\n    sources: [SRM]",
            "    facts: [ec2-os-patching]",
            ["questions[0]", "missing required field 'sources'"], nil
        ),
        (
            "unknown source key", "    reason: RDS maintenance covers the underlying OS.\n    sources: [SRM]",
            "    reason: RDS maintenance covers the underlying OS.\n    sources: [SRMX]",
            ["unknown source 'SRMX'"], nil
        ),
        (
            "answer not among choices", "    answer: [The customer]\n", "    answer: [Customer]\n",
            ["questions[0].answer", "answer 'Customer' is not among the choices"], nil
        ),
        ("unknown top-level key", "questions:\n", "questoins:\n", ["unknown top-level key 'questoins'"], nil),
    ]

    @Test func eachMistakeIsReportedWithItsPlace() throws {
        for broken in Self.brokenBanks where broken.from != broken.to {
            #expect(
                BankFixture.minimal.contains(broken.from), "fixture edit for \(broken.name) does not apply")
            let yaml = BankFixture.minimal.replacingOccurrences(of: broken.from, with: broken.to)
            let (_, problems) = BankFixture.load(yaml)
            let text = problems.map(\.description).joined(separator: "\n")
            #expect(!problems.isEmpty, "\(broken.name): no problem reported")
            for fragment in broken.expected {
                #expect(text.contains(fragment), "\(broken.name): expected '\(fragment)' in:\n\(text)")
            }
            #expect(problems.allSatisfy { $0.file == "test.yaml" }, "\(broken.name): problems name the file")
            if let line = broken.line {
                #expect(
                    problems.contains { $0.line == line },
                    "\(broken.name): expected line \(line) in:\n\(text)")
            }
        }
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let (_, problems) = BankFixture.load("services:\n  - id: ec2\n    name: [unclosed\n")
        let problem = problems.first
        #expect(problem?.line != nil && problem?.column != nil)
        #expect(problem?.description.hasPrefix("test.yaml:") == true)
    }

    @Test func contradictionNamesBothFacts() {
        let single = BankFixture.minimal.replacingOccurrences(
            of: "questions:\n",
            with: """
                  - id: ec2-os-patching-again
                    task: os-patching
                    service: ec2
                    text: applying operating system updates
                    owner: aws
                    reason: Wrong on purpose.
                    sources: [SRM]
                questions:

                """)
        let (_, contradiction) = BankFixture.load(single)
        let message = contradiction.map(\.description).joined(separator: "\n")
        #expect(
            message.contains("fact 'ec2-os-patching-again' contradicts fact 'ec2-os-patching'"), "\(message)")
        #expect(message.contains("owned by AWS here and by Customer there"))
    }

    @Test func unknownKeysAreReportedNotDropped() {
        let yaml = BankFixture.minimal.replacingOccurrences(
            of: "    category: infrastructure\n", with: "    category: infrastructure\n    catgory: oops\n")
        let (_, problems) = BankFixture.load(yaml)
        #expect(problems.contains { $0.description.contains("unknown key 'catgory'") && $0.line == 10 })
    }

    @Test func missingFilesAndEmptyFoldersAreProblems() throws {
        let dir = try CLI.temporaryDirectory()
        let (_, problems) = BankLoader.check(paths: [dir.path, dir.appendingPathComponent("nope.yaml").path])
        #expect(
            problems.map(\.message) == ["the folder holds no .yaml or .yml files", "no such file or folder"])
    }

    @Test func bundledBankIsValid() throws {
        let bank = try BankLoader.load(paths: [CLI.bundledBank])
        #expect(bank.services.count >= 40)
        #expect(bank.facts.count >= 120)
        #expect(bank.facts.allSatisfy { !$0.sources.isEmpty })
    }

    @Test func loadThrowsEveryProblem() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srmquiz-missing-\(UUID())")
        #expect(throws: BankError.self) { try BankLoader.load(paths: [dir.path]) }
    }
}

@Suite struct BankLabelTests {
    @Test func groupsFilesByBankFolder() {
        #expect(Bank.label(files: []) == "-")
        #expect(
            Bank.label(files: [
                "/x/QuestionBanks/model/a.yaml", "/x/QuestionBanks/scenarios/b.yaml", "/y/mine.yaml",
            ])
                == "/x/QuestionBanks/ (2 files), /y/mine.yaml")
        #expect(Bank.label(files: ["/y/a.yaml", "/y/b.yaml"]) == "/y/ (2 files)")
    }
}
