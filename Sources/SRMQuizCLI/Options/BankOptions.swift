import ArgumentParser
import Foundation
import SRMQuizKit

/// `--bank PATH` (repeatable) and `--no-bundled`, for every command that reads banks.
package struct BankOptions: ParsableArguments {
    @Option(
        name: .customLong("bank"),
        help: ArgumentHelp(
            "A bank file or folder to add (repeatable).", valueName: "path"))
    package var banks: [String] = []

    @Flag(name: .customLong("no-bundled"), help: "Use only the banks given with --bank.")
    package var noBundled = false

    package init() {}

    /// The paths to read: the bundled bank (unless `--no-bundled`), then each `--bank`.
    package func paths(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String]
    {
        var paths: [String] = []
        if !noBundled {
            guard let bundled = BankLocator.bundledBank(environment: environment) else {
                throw CLIError(
                    "cannot find the bundled question bank (QuestionBanks/); set SRMQUIZ_BANKS or pass --bank PATH"
                )
            }
            paths.append(bundled)
        }
        paths.append(contentsOf: banks)
        if paths.isEmpty { throw CLIError.usage("--no-bundled needs at least one --bank PATH") }
        return paths
    }

    /// The items of these banks for `seed` and the names to show, from the item cache when it
    /// holds them (see `ItemCache`; `SRMQUIZ_NO_CACHE=1` turns it off); bank problems are
    /// thrown as a ``CLIError`` listing every problem.
    func generated(
        seed: UInt64, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> GeneratedBank {
        try Self.generated(paths: try paths(environment: environment), seed: seed, environment: environment)
    }

    /// ``generated(seed:environment:)`` for `paths` already worked out (for another thread).
    static func generated(
        paths: [String], seed: UInt64, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> GeneratedBank {
        let cache = DataDirectory.itemCacheFile(seed: seed, environment: environment).flatMap { file in
            Self.programIdentity.map { ItemCache.Location(file: file, program: $0) }
        }
        do {
            return try ItemCache.generated(paths: paths, seed: seed, cache: cache).0
        } catch {
            throw CLIOutput.fail(error.description)
        }
    }

    /// This build of srmquiz: its executable's size, modification time and inode (a rebuild or
    /// an upgrade changes them, and with them every item cache key); nil when it cannot be told.
    static let programIdentity: String? = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
    }()
}
