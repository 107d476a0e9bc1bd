import SRMQuizKit

/// Small banks for tests, written as YAML the way authors write them.
enum BankFixture {
    /// A minimal valid model: two services, one task on both with different owners, a control.
    static let minimal = """
        sources:
          SRM:
            url: https://aws.amazon.com/compliance/shared-responsibility-model/
            title: AWS Shared Responsibility Model
            aws: true
        services:
          - id: ec2
            name: Amazon EC2
            category: infrastructure
            sources: [SRM]
          - id: rds
            name: Amazon RDS
            category: container
            sources: [SRM]
        tasks:
          - id: os-patching
            text: patching the operating system
            topic: patching
        controls:
          - id: patch-management
            name: Patch management
            type: shared
            aws: Patches the infrastructure.
            customer: Patches guest operating systems and applications.
            sources: [SRM]
        facts:
          - id: ec2-os-patching
            task: os-patching
            service: ec2
            text: patching the guest operating system
            owner: customer
            reason: The guest OS is the customer's on infrastructure services.
            sources: [SRM]
          - id: rds-os-patching
            task: os-patching
            service: rds
            text: patching the operating system of DB instances
            owner: aws
            reason: RDS maintenance covers the underlying OS.
            sources: [SRM]
        questions:
          - id: scn-one
            type: single
            prompt: Who patches the guest OS on EC2?
            choices: [AWS, The customer, Both equally]
            answer: [The customer]
            explanation: The guest OS is the customer's.
            facts: [ec2-os-patching]
            sources: [SRM]
        """

    static func load(_ yaml: String, name: String = "test.yaml") -> (bank: Bank, problems: [BankProblem]) {
        BankLoader.check(yaml: yaml, name: name)
    }
}
