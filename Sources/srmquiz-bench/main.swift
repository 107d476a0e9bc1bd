import Foundation
import SRMQuizKit

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "progress":
        try ProgressBenchmark.run(arguments: Array(arguments.dropFirst()))
    default:
        print("usage: srmquiz-bench <benchmark> [options]\nbenchmarks: progress")
        exit(arguments.isEmpty ? 0 : 2)
    }
} catch {
    FileHandle.standardError.write(Data("srmquiz-bench: \(error)\n".utf8))
    exit(1)
}
