import Foundation
import SRMQuizKit

/// Items for session tests.
enum SessionFixture {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func owner(
        _ id: String, answer: String = "Customer", facts: [String]? = nil, service: String = "ec2"
    )
        -> Item
    {
        Item(
            id: id, kind: .owner, prompt: "Who is responsible for \(id)?",
            choices: ["AWS", "Customer", "Shared"], answers: [answer],
            explanation: "Because \(id).", nuance: nil,
            tags: [
                "kind:owner", "owner:\(answer.lowercased())", "service:\(service)", "category:infrastructure",
            ],
            sources: ["https://example.com/\(id)"], facts: facts ?? ["fact-\(id)"])
    }

    static let multi = Item(
        id: "multi", kind: .multipleResponse, prompt: "Which TWO are the customer's?",
        choices: [
            "Patching the guest OS", "Physical security", "Security group rules", "Hypervisor updates",
        ],
        answers: ["Patching the guest OS", "Security group rules"], explanation: "Guest OS and SGs.",
        tags: ["kind:multiple-response", "service:ec2"], sources: ["https://example.com/multi"],
        facts: ["m1", "m2"])

    static let trueFalse = Item(
        id: "tf", kind: .trueFalse, prompt: "True or false: AWS patches the EC2 guest OS.",
        choices: ["True", "False"], answers: ["False"], explanation: "The customer does.",
        nuance: "Unless you use SSM Patch Manager, which still runs on your behalf.",
        tags: ["kind:true-false", "owner:customer", "service:ec2", "category:infrastructure"],
        sources: ["https://example.com/tf"], facts: ["tf-fact"])

    static let ofOrIn = Item(
        id: "ofin", kind: .ofOrIn, prompt: "Is patching the hypervisor OF or IN the cloud?",
        choices: ["Security OF the cloud (AWS)", "Security IN the cloud (customer)"],
        answers: ["Security OF the cloud (AWS)"], explanation: "AWS runs the hypervisor.",
        tags: ["kind:of-or-in", "owner:aws"], sources: ["https://example.com/ofin"], facts: ["ofin-fact"])

    static let flashcard = Item(
        id: "card", kind: .flashcard, prompt: "RDS: OS patching — who?", choices: [],
        answers: ["AWS patches the DB instance OS."], explanation: "Managed service.",
        tags: ["kind:flashcard", "owner:aws", "service:rds", "category:container"],
        sources: ["https://example.com/card"], facts: ["card-fact"])
}
