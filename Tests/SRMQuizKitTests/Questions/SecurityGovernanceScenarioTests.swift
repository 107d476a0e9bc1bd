import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// The exam-style scenarios added for issue #10 (`clf-scenarios-security-governance.yaml`): four
/// options, a key among them, keys spread over the positions, the key rarely the longest option,
/// and AWS sources.
@Suite struct SecurityGovernanceScenarioTests {
    static let file = CLI.root.appendingPathComponent(
        "QuestionBanks/scenarios/clf-scenarios-security-governance.yaml"
    ).path
    static let bundled: Bank = {
        do { return try BankLoader.load(paths: [CLI.bundledBank]) } catch { return Bank() }
    }()
    /// The file's questions as written (its references resolve only against the whole bank).
    static let questions = BankLoader.check(paths: [file]).bank.questions

    @Test func atLeastThirtyFourOptionQuestionsWithTheKeyAmongTheChoices() {
        #expect(Self.questions.count >= 30)
        for question in Self.questions {
            #expect(question.style == .single, "\(question.id)")
            #expect(question.choices.count == 4, "\(question.id)")
            #expect(
                question.answers.count == 1 && question.answers.allSatisfy(question.choices.contains),
                "\(question.id)")
            #expect(!question.explanation.isEmpty && !question.facts.isEmpty, "\(question.id)")
        }
    }

    @Test func keysAreSpreadAndRarelyTheLongestOption() {
        var positions: [Int: Int] = [:]
        var longest = 0
        for question in Self.questions {
            guard let key = question.answers.first, let index = question.choices.firstIndex(of: key) else {
                continue
            }
            positions[index, default: 0] += 1
            if key.count >= question.choices.map(\.count).max() ?? 0 { longest += 1 }
        }
        #expect((0..<4).allSatisfy { positions[$0, default: 0] >= Self.questions.count / 8 }, "\(positions)")
        #expect(
            Double(longest) <= 0.4 * Double(Self.questions.count),
            "key longest in \(longest) of \(Self.questions.count)")
    }

    @Test func everyQuestionIsInTheBundledBankAndCitesAWSPages() throws {
        for question in Self.questions {
            let loaded = try #require(Self.bundled.questions.first { $0.id == question.id }, "\(question.id)")
            let urls = Self.bundled.urls(for: loaded.sources)
            #expect(!urls.isEmpty && urls.allSatisfy(ServiceHelpTests.isAWSPage), "\(question.id): \(urls)")
        }
    }
}
