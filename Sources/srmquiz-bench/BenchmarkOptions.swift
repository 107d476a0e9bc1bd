import Foundation

/// The `--name value` pairs of a benchmark's command line and the srmquiz binary it runs, read
/// the same way by every benchmark.
enum BenchmarkOptions {
    /// Calls `set(name, value)` for each pair in turn (a last name without a value gets `""`);
    /// `set` returns `false` for a name it does not know.
    /// - Throws: ``ProgressBenchmark/BenchmarkError`` naming the first unknown argument.
    static func read(_ arguments: [String], _ set: (String, String) -> Bool) throws {
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            guard set(arguments[index], value) else {
                throw ProgressBenchmark.BenchmarkError("unknown argument \(arguments[index])")
            }
            index += 2
        }
    }

    /// The srmquiz binary beside this one (where `swift build` puts both).
    static var defaultBinary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("srmquiz").path
    }

    /// - Throws: ``ProgressBenchmark/BenchmarkError`` when `binary` is not an executable file.
    static func requireBinary(_ binary: String) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ProgressBenchmark.BenchmarkError(
                "no srmquiz binary at \(binary); build it: swift build -c release")
        }
    }
}
