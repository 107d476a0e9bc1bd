import Foundation
import SRMQuizTestSupport
import Testing

@Suite struct BankCommandTests {
    @Test func validateBundledBankPrintsCountsAndExitsZero() throws {
        let result = try CLI.run(["bank", "validate"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("valid: "))
        #expect(result.stdout.contains(" facts, "))
        #expect(result.stderr.isEmpty)
    }

    @Test func validateReportsEveryProblemWithFileAndLine() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("broken.yaml")
        try """
        questions:
          - id: bad-one
            type: single
            prompt: Who patches the guest OS on EC2?
            choices: [AWS, The customer, Both]
            answer: [Customer]
            explanation: x
            services: [no-such-service]
            sources: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/update-management.html]
          - id: bad-one
            type: maybe
            prompt: Again?
            answer: [True]
            explanation: y
            sources: [NOPE]
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["bank", "validate", file.path])
        #expect(result.status == 1)
        let path = file.path
        for expected in [
            "\(path):6:", "answer 'Customer' is not among the choices",
            "unknown service 'no-such-service'",
            "\(path):11:", "questions[1].type: expected one of single, multiple, true-false, found 'maybe'",
            "problems found",
        ] {
            #expect(result.stderr.contains(expected), "missing '\(expected)' in:\n\(result.stderr)")
        }
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func validateSyntaxErrorNamesThePlace() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("syntax.yaml")
        try "questions:\n  - id: x\n    prompt: [unclosed\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["bank", "validate", "--no-bundled", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path):"))
        #expect(result.stderr.contains("YAML syntax error"))
    }

    @Test func statsJSONCountsByServiceOwnerAndKind() throws {
        let result = try CLI.run(["bank", "stats", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let byKind = try #require(object["itemsByKind"] as? [String: Int])
        let byOwner = try #require(object["itemsByOwner"] as? [String: Int])
        let byService = try #require(object["factsByService"] as? [String: Int])
        #expect(byKind.values.reduce(0, +) == object["items"] as? Int)
        #expect(Set(byOwner.keys).isSuperset(of: ["aws", "customer", "shared"]))
        #expect((byService["ec2"] ?? 0) > 0)
    }

    @Test func listFiltersByKindAndServiceAndSanitises() throws {
        let result = try CLI.run(["bank", "list", "--kind", "owner", "--service", "ec2"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("owner/") && $0.contains("\towner\t") })

        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("evil.yaml")
        try """
        questions:
          - id: evil
            type: true-false
            prompt: "Evil \\e]0;owned\\a title \\e[2J clear"
            answer: [True]
            explanation: x
            sources: [https://aws.amazon.com/compliance/shared-responsibility-model/]
        """.write(to: file, atomically: true, encoding: .utf8)
        let evil = try CLI.run(["bank", "list", "questions", "--bank", file.path])
        #expect(evil.status == 0, "\(evil.stderr)")
        #expect(evil.stdout.contains("Evil ^[]0;owned^G title ^[[2J clear"))
        #expect(!evil.stdout.contains("\u{1B}"))
    }

    @Test func bundledBankIsFoundFromAnyWorkingDirectory() throws {
        let result = try CLI.run(
            ["bank", "validate"], currentDirectory: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("valid: "))
    }

    @Test func missingBankPathIsAClearError() throws {
        let result = try CLI.run(["bank", "stats", "--bank", "/no/such/bank.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/no/such/bank.yaml: no such file or folder"))
    }
}
