import Foundation
import SRMQuizKit
import Yams

/// Time to load the bundled bank, split by phase: YAML parsing, reading and checking the model, and
/// generating the items.
///
/// `srmquiz-bench bank [--runs N]`.
///
/// `srmquiz-bench bank --generate-facts N --out DIR` instead writes a synthetic valid bank of N
/// facts into DIR, for timing `srmquiz bank validate DIR` at scale (docs/benchmarks.md).
enum BankBenchmark {
    static func run(arguments: [String]) throws {
        if let index = arguments.firstIndex(of: "--generate-facts"), index + 1 < arguments.count,
            let facts = Int(arguments[index + 1])
        {
            guard
                let out = arguments.firstIndex(of: "--out").flatMap({
                    $0 + 1 < arguments.count ? arguments[$0 + 1] : nil
                })
            else { throw CocoaError(.fileNoSuchFile) }
            try generate(facts: facts, into: out)
            print("wrote a bank of \(facts) facts to \(out)")
            return
        }
        var runs = 20
        if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count,
            let value = Int(arguments[index + 1])
        {
            runs = value
        }
        guard let folder = BankLocator.bundledBank() else {
            throw CocoaError(.fileNoSuchFile)
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
        let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        func median(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return times.sorted()[times.count / 2]
        }
        let compose = try median { for text in texts { _ = try Yams.compose(yaml: text, .basic) } }
        var bank = Bank()
        let load = median { bank = BankLoader.check(paths: [folder]).bank }
        var count = 0
        let generate = median { count = QuestionGenerator(bank: bank).generate(seed: 0).count }
        print(
            "bundled bank: \(files.count) files, \(texts.map(\.utf8.count).reduce(0, +)) bytes, \(count) items; median of \(runs)"
        )
        print(String(format: "  YAML compose only      %7.1f ms", compose))
        print(String(format: "  load + check (total)   %7.1f ms", load))
        print(String(format: "  generate items         %7.1f ms", generate))
    }

    /// Writes a synthetic bank of `facts` facts (100 tasks, one fact per task and service, so
    /// `facts / 100` services in the three categories) into `folder`, in files of at most 10,000
    /// facts: the input of the `bank validate` scale measurement in docs/benchmarks.md.
    static func generate(facts: Int, into folder: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let taskCount = 100
        let serviceCount = max(2, (facts + taskCount - 1) / taskCount)
        let categories = ["infrastructure", "container", "abstracted"]
        var model = """
            format: 1
            sources:
              BENCH:
                url: https://aws.amazon.com/compliance/shared-responsibility-model/
                title: AWS Shared Responsibility Model
                aws: true
            tasks:

            """
        for t in 0..<taskCount {
            model +=
                "  - id: task-\(t)\n    text: looking after part \(t) of the workload\n    topic: topic-\(t % 10)\n"
        }
        model += "services:\n"
        for s in 0..<serviceCount {
            model +=
                "  - id: svc-\(s)\n    name: Amazon Service \(s)\n    category: \(categories[s % 3])\n"
                + "    summary: AWS runs the platform; you configure service \(s).\n    sources: [BENCH]\n"
        }
        try model.write(
            toFile: (folder as NSString).appendingPathComponent("model.yaml"), atomically: true,
            encoding: .utf8)
        var written = 0
        var file = 0
        while written < facts {
            var text = "facts:\n"
            let end = min(facts, written + 10_000)
            for n in written..<end {
                let s = n / taskCount
                let t = n % taskCount
                let owner = (s + t) % 2 == 0 ? "customer" : "aws"
                text +=
                    "  - id: f-\(s)-\(t)\n    task: task-\(t)\n    service: svc-\(s)\n"
                    + "    text: looking after part \(t) of the workload on service \(s)\n"
                    + "    owner: \(owner)\n    reason: The documentation of service \(s) assigns part \(t) to this owner.\n"
                    + "    sources: [BENCH]\n"
            }
            try text.write(
                toFile: (folder as NSString).appendingPathComponent(String(format: "facts-%03d.yaml", file)),
                atomically: true, encoding: .utf8)
            written = end
            file += 1
        }
    }
}
