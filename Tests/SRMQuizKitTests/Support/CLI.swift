import Foundation

/// Runs the built `srmquiz` binary for end-to-end tests, in a scratch HOME so no test touches
/// the real one.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (this file is Tests/SRMQuizKitTests/Support/CLI.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled bank.
    static let bundledBank = root.appendingPathComponent("QuestionBanks").path

    /// The built binary: beside the test bundle (`.build/<config>/`), else `.build/debug/`.
    static var binary: URL {
        get throws {
            let candidates =
                [
                    Bundle.main.bundleURL.appendingPathComponent("srmquiz"),
                    Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("srmquiz"),
                    root.appendingPathComponent(".build/debug/srmquiz"),
                ]
                + ProcessInfo.processInfo.arguments.prefix(1).map {
                    URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("srmquiz")
                }
            guard
                let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
            else {
                throw CLIError(
                    "srmquiz binary not found (looked in \(candidates.map(\.path))); run `swift build` first")
            }
            return found
        }
    }

    struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("srmquiz-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `srmquiz arguments…` with `input` on stdin and HOME/XDG dirs under `home`.
    static func run(
        _ arguments: [String], input: String = "", home: URL? = nil, environment: [String: String] = [:],
        keepInputOpen: Bool = false, timeLimit: TimeInterval = 120
    ) throws -> Result {
        let bytes = try runBytes(
            arguments, input: input, home: home, environment: environment, keepInputOpen: keepInputOpen,
            timeLimit: timeLimit)
        return Result(
            status: bytes.status, stdout: String(decoding: bytes.stdout, as: UTF8.self),
            stderr: String(decoding: bytes.stderr, as: UTF8.self))
    }

    /// ``run(_:input:home:environment:keepInputOpen:timeLimit:)``, with standard output and
    /// standard error as the bytes written.
    static func runBytes(
        _ arguments: [String], input: String = "", home: URL? = nil, environment: [String: String] = [:],
        keepInputOpen: Bool = false, timeLimit: TimeInterval = 120
    ) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let home = try home ?? temporaryDirectory()
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // A hung child is killed, so a failing test fails instead of hanging the suite.
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { [process] in
            if process.isRunning { process.terminate() }
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        if !keepInputOpen { try stdin.fileHandleForWriting.close() }
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if keepInputOpen { try? stdin.fileHandleForWriting.close() }
        return (process.terminationStatus, outData, errData)
    }
}
