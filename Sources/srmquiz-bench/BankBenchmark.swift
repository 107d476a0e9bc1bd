import Foundation
import SRMQuizKit
import Yams

/// Time to load the bundled bank, split by phase: YAML parsing, reading and checking the model,
/// and generating the items. `srmquiz-bench bank [--runs N]`.
enum BankBenchmark {
    static func run(arguments: [String]) throws {
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
        print("bundled bank: \(files.count) files, \(texts.map(\.utf8.count).reduce(0, +)) bytes, \(count) items; median of \(runs)")
        print(String(format: "  YAML compose only      %7.1f ms", compose))
        print(String(format: "  load + check (total)   %7.1f ms", load))
        print(String(format: "  generate items         %7.1f ms", generate))
    }
}
