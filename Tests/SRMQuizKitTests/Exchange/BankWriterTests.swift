import SRMQuizKit
import Testing

@Suite struct BankWriterTests {
    @Test func quotesEveryAwkwardStringSoItLoadsBackUnchanged() throws {
        let awkward = [
            "True", "no", "yes", "~", "null", "1.0", "0x1F", "- dash", ": colon", "key: value", "# hash",
            "trailing #hash", "quote \" and ' apostrophe", "line\nbreak", "{flow}", "[list]",
            "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "émoji ✓", "a\ttab",
        ]
        let questions = [
            AuthoredQuestion(
                id: "q-awkward", style: .single, prompt: "Which is odd? " + awkward.joined(separator: " "),
                choices: awkward, answers: ["True"],
                explanation: awkward.joined(separator: "\n") + "\n  indented line",
                sources: ["https://example.com/a?b=c#d"], topics: ["odd"]),
            AuthoredQuestion(
                id: "q-tf", style: .trueFalse, prompt: "False?", choices: ["True", "False"],
                answers: ["False"],
                explanation: "yes", sources: ["https://example.com/"]),
            AuthoredQuestion(
                id: "q-multi", style: .multiple, prompt: "Pick: Choose TWO.", choices: ["no", "off", "on"],
                answers: ["no", "on"], explanation: "null", sources: ["https://example.com/"]),
        ]
        let yaml = try BankWriter.yaml(questions: questions, comment: ["Written by a test", "second line"])
        #expect(yaml.hasPrefix("# Written by a test\n# second line\nformat: 1\nquestions:\n"))
        #expect(!yaml.contains("choices:\n  - True"), "True must be quoted")
        let loaded = BankLoader.check(yaml: yaml, name: "written.yaml")
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.bank.questions == questions)
    }

    @Test func trueFalseQuestionsHaveNoChoices() throws {
        let yaml = try BankWriter.yaml(questions: [
            AuthoredQuestion(
                id: "q", style: .trueFalse, prompt: "P", choices: ["True", "False"], answers: ["True"],
                explanation: "E", sources: ["https://example.com/"])
        ])
        #expect(!yaml.contains("choices"))
        #expect(yaml.contains("answer: ['True']"))
    }
}
