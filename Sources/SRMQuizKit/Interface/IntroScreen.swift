/// One screen on the Shared Responsibility Model, for `srmquiz intro` and for a learner's first
/// study session: security OF the cloud versus IN the cloud, the three service categories and
/// the three kinds of control, with examples and the AWS pages they come from.
package enum IntroScreen {
    /// The AWS pages the screen cites.
    package static let sources = [
        "https://aws.amazon.com/compliance/shared-responsibility-model/",
        "https://d1.awsstatic.com/whitepapers/Security/AWS_Security_Best_Practices.pdf",
    ]

    /// The screen's text, at most 78 columns wide.
    ///
    /// Control names and examples come from `bank` when it has them.
    package static func text(bank: Bank = Bank()) -> String {
        var lines = [
            "The AWS Shared Responsibility Model",
            "",
            "Security OF the cloud is AWS's job: the data centres, their guards, power and",
            "cooling, the hardware, the network, and the host OS and hypervisor that run",
            "every service.",
            "Security IN the cloud is the customer's job: its data, who may access it",
            "(IAM), how it is encrypted, and how the services it uses are configured.",
            "",
            "How much is IN the cloud depends on the kind of service:",
            "  Infrastructure (Amazon EC2, Amazon EBS, Amazon VPC): you run the guest OS,",
            "    patch it, install software and write the security group rules.",
            "  Container (Amazon RDS, AWS Elastic Beanstalk, Amazon EMR): AWS runs the OS",
            "    and platform; you manage firewall rules, access, data and backup choices.",
            "  Abstracted (Amazon S3, Amazon DynamoDB, AWS Lambda, Amazon SQS): AWS runs",
            "    nearly everything; you control access with IAM and protect your data.",
            "Your data, your IAM users and permissions, and your choice of encryption are",
            "always yours, on every service.",
            "",
            "Controls come in three kinds:",
        ]
        let kinds: [(ControlType, String, String)] = [
            (.inherited, "Inherited", "fully provided by AWS; the customer inherits them"),
            (.shared, "Shared", "AWS does its part in the infrastructure, the customer in its use"),
            (.customerSpecific, "Customer-specific", "the customer's alone, depending on what it deploys"),
        ]
        let fallback: [ControlType: String] = [
            .inherited: "physical and environmental controls",
            .shared: "patch management, configuration management, awareness and training",
            .customerSpecific: "service and communications protection (zone security)",
        ]
        for (type, name, meaning) in kinds {
            let named = bank.controls.filter { $0.type == type }.map { $0.name.lowercased() }
            let examples = named.isEmpty ? fallback[type] ?? "" : named.joined(separator: ", ")
            lines.append("  \(name): \(meaning).")
            lines.append(contentsOf: wrapped("e.g. \(examples).", indent: "    "))
        }
        lines += [
            "",
            "Exam answers use the usual split; where AWS documentation is more precise,",
            "srmquiz says so after you answer.",
            "Sources:",
        ]
        lines += sources
        return lines.joined(separator: "\n") + "\n"
    }

    /// The line that offers the screen, or `nil`: offered in study mode when the learner has
    /// answered nothing yet (a first session), so once in practice.
    package static func offer(mode: SessionMode, answeredBefore: Bool) -> String? {
        guard mode == .study, !answeredBefore else { return nil }
        return "New here? `srmquiz intro` shows one screen on security OF vs IN the cloud."
    }

    private static func wrapped(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > 78, current != indent {
                lines.append(current)
                current = indent
            }
            current += (current == indent ? "" : " ") + word
        }
        if current != indent { lines.append(current) }
        return lines
    }
}
