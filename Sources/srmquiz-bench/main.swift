import Foundation
import SRMQuizKit

/// Release benchmarks: `swift run -c release srmquiz-bench <name> [arguments]`.
let benchmarks: [String: ([String]) throws -> Void] = [
    "fsrs-replay": FSRSReplayBenchmark.run,
    "progress": { try ProgressBenchmark.run(arguments: $0) },
    "startup": { try StartupBenchmark.run(arguments: $0) },
    "bank": { try BankBenchmark.run(arguments: $0) },
    "class-load": { try ClassLoadBenchmark.run(arguments: $0) },
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(
        Data("usage: srmquiz-bench <benchmark> [arguments]; benchmarks: \(names)\n".utf8))
    exit(2)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("srmquiz-bench \(name): \(error)\n".utf8))
    exit(1)
}
