import Foundation
import SRMQuizKit

enum ExamFixture {
    /// A single-answer item whose answer is choice `correct` (0-based) of three.
    static func single(
        _ id: String, correct: Int = 0, kind: ItemKind = .multipleChoice, owner: String = "customer",
        category: String = "infrastructure", facts: [String]? = nil
    ) -> Item {
        let choices = ["Alpha \(id)", "Beta \(id)", "Gamma \(id)"]
        return Item(
            id: id, kind: kind, prompt: "Question \(id)?", choices: choices, answers: [choices[correct]],
            explanation: "Because \(id).",
            tags: ["owner:\(owner)", "category:\(category)", "kind:\(kind.rawValue)"],
            sources: [], facts: facts ?? ["fact-\(id)"])
    }

    /// A multiple-response item: choose a and c of four.
    static func multi(_ id: String) -> Item {
        let choices = ["One", "Two", "Three", "Four"]
        return Item(
            id: id, kind: .multipleResponse, prompt: "Which TWO \(id)?", choices: choices,
            answers: ["One", "Three"],
            explanation: "One and three.",
            tags: ["owner:aws", "category:abstracted", "kind:multiple-response"],
            sources: [], facts: ["fact-\(id)"])
    }
}
