import SRMQuizKit

/// Hand-built items for the exporter and importer tests.
enum ExchangeFixtures {
    static let srm = "https://aws.amazon.com/compliance/shared-responsibility-model/"

    static let single = Item(
        id: "owner-ec2-guest-os", kind: .owner,
        prompt: "Who is responsible for patching the guest OS when using Amazon EC2?",
        choices: ["AWS", "Customer", "Shared"], answers: ["Customer"],
        explanation: "On infrastructure services the guest OS is the customer's.",
        tags: ["service:ec2", "kind:owner", "owner:customer"], sources: [srm], facts: ["ec2-guest-os"])

    /// Every character GIFT, CSV and Anki treat specially.
    static let tricky = Item(
        id: "scn-tricky", kind: .scenario,
        prompt:
            "Braces {x}, tilde ~, equals =, hash #, colon: \"quotes\", <b>tag</b> & a\ttab\nand a new line?",
        choices: ["A = B", "C ~ D", "{E}", "F # G: H", "back\\slash"], answers: ["{E}"],
        explanation: "Because: 1 = 1 #true {always} ~ \"yes\".",
        nuance: "Nuance with <angle> & \"quotes\".",
        tags: ["service:ec2", "topic:odd tag"], sources: [srm, "https://example.com/a?b=c&d=e"])

    static let multiple = Item(
        id: "mr-ec2", kind: .multipleResponse,
        prompt: "When using Amazon EC2, which TWO of these are the customer's responsibility? (Choose TWO.)",
        choices: ["Guest OS patches", "Hypervisor", "Security groups", "Data centres", "Host hardware"],
        answers: ["Guest OS patches", "Security groups"], explanation: "Both are in the cloud.",
        tags: ["service:ec2", "kind:multiple-response"], sources: [srm])

    static let trueFalse = Item(
        id: "tf-physical", kind: .trueFalse,
        prompt: "AWS is responsible for physical security of data centres.",
        choices: ["True", "False"], answers: ["True"], explanation: "Security OF the cloud.",
        tags: ["kind:true-false"], sources: [srm])

    static let falseStatement = Item(
        id: "tf-guest", kind: .trueFalse, prompt: "AWS patches the guest OS on EC2.",
        choices: ["True", "False"], answers: ["False"], explanation: "The customer does.",
        tags: ["kind:true-false"], sources: [srm])

    static let flashcard = Item(
        id: "card-ec2", kind: .flashcard, prompt: "Amazon EC2: who patches the guest OS?",
        choices: [], answers: ["The customer"], explanation: "Infrastructure service.",
        tags: ["service:ec2"], sources: [srm])

    static let all = [single, tricky, multiple, trueFalse, falseStatement, flashcard]

    /// An owner item for matching questions.
    static func owner(_ service: String, _ fact: String, _ owner: String) -> Item {
        Item(
            id: "owner-\(fact)", kind: .owner,
            prompt: "Who is responsible for \(fact) when using \(service)?",
            choices: ["AWS", "Customer", "Shared"], answers: [owner], explanation: "Because.",
            tags: ["service:\(service)", "kind:owner"], sources: [srm], facts: [fact])
    }
}
