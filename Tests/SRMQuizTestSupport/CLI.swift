import Foundation

/// Runs the built `srmquiz` binary (or any program) for end-to-end tests.
///
/// Each run gets a scratch HOME, so no test touches the real one. The one process runner of the test targets; ``Spawned`` is the
/// same for a process a test talks to while it runs.
package enum CLI {
    /// How a process ended and what it wrote.
    package struct Result {
        /// The exit status (or the signal's number when ``signalled``).
        package var status: Int32
        package var stdout: String
        package var stderr: String
        /// Whether a signal ended the process (a crash, or the kill after the time limit).
        package var signalled = false
    }

    /// What a child process finds in its environment besides what a test adds.
    package enum Environment: Sendable {
        /// The test process's own environment, with HOME, XDG_DATA_HOME, XDG_STATE_HOME and
        /// XDG_CONFIG_HOME under the scratch home, and NO_COLOR=1.
        case scratch
        /// Only HOME, PATH=/usr/bin:/bin and NO_COLOR=1, as a bare login has: no XDG variable,
        /// so the program's own defaults under HOME are what is tested.
        case bare
    }

    /// A test setup problem (no binary), with what to do about it.
    package struct CLIError: Error, CustomStringConvertible {
        package var description: String
        package init(_ description: String) { self.description = description }
    }

    /// The repository root (this file is Tests/SRMQuizTestSupport/CLI.swift).
    package static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled bank.
    package static let bundledBank = root.appendingPathComponent("QuestionBanks").path

    /// The built binary: beside the test bundle (`.build/<config>/`), else `.build/debug/`.
    package static var binary: URL {
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

    /// A fresh temporary folder.
    package static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("srmquiz-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The environment of a child whose home is `home`, with `extra` on top.
    package static func environment(
        _ base: Environment, home: URL, extra: [String: String] = [:]
    ) -> [String: String] {
        var env: [String: String]
        switch base {
        case .scratch:
            env = ProcessInfo.processInfo.environment
            env["HOME"] = home.path
            env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
            env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
            env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
            env["NO_COLOR"] = "1"
        case .bare:
            env = ["HOME": home.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        }
        env.merge(extra) { $1 }
        return env
    }

    /// Runs `srmquiz arguments…` with `input` on stdin and a home of `home` (a fresh one when
    /// `nil`); `environment` is added to `base`.
    package static func run(
        _ arguments: [String], input: String = "", home: URL? = nil, environment: [String: String] = [:],
        base: Environment = .scratch, keepInputOpen: Bool = false, timeLimit: TimeInterval = 120,
        currentDirectory: URL? = nil
    ) throws -> Result {
        try Result(
            runBytes(
                arguments, input: input, home: home, environment: environment, base: base,
                keepInputOpen: keepInputOpen, timeLimit: timeLimit, currentDirectory: currentDirectory))
    }

    /// ``run(_:input:home:environment:base:keepInputOpen:timeLimit:currentDirectory:)``, with
    /// standard output and standard error as the bytes written.
    package static func runBytes(
        _ arguments: [String], input: String = "", home: URL? = nil, environment: [String: String] = [:],
        base: Environment = .scratch, keepInputOpen: Bool = false, timeLimit: TimeInterval = 120,
        currentDirectory: URL? = nil
    ) throws -> Bytes {
        let home = try home ?? temporaryDirectory()
        return try execute(
            [binary.path] + arguments, environment: self.environment(base, home: home, extra: environment),
            input: input, keepInputOpen: keepInputOpen, timeLimit: timeLimit,
            currentDirectory: currentDirectory)
    }

    /// Runs `command` (an argument list whose first entry is the program's path, such as
    /// `/bin/sh` or `setpriv` in front of the binary) with exactly `environment`.
    package static func launch(
        _ command: [String], environment: [String: String], input: String = "", timeLimit: TimeInterval = 120
    ) throws -> Result {
        try Result(execute(command, environment: environment, input: input, timeLimit: timeLimit))
    }

    /// How a process ended and the bytes it wrote.
    package typealias Bytes = (status: Int32, stdout: Data, stderr: Data, signalled: Bool)

    /// Runs `command` with `environment` and `input` on stdin, killing it after `timeLimit`
    /// seconds, so a hung child fails its test instead of hanging the suite.
    private static func execute(
        _ command: [String], environment: [String: String], input: String, keepInputOpen: Bool = false,
        timeLimit: TimeInterval, currentDirectory: URL? = nil
    ) throws -> Bytes {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
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
        return (process.terminationStatus, outData, errData, process.terminationReason == .uncaughtSignal)
    }
}

extension CLI.Result {
    /// The result of `bytes`, its output decoded as UTF-8.
    init(_ bytes: CLI.Bytes) {
        self.init(
            status: bytes.status, stdout: String(decoding: bytes.stdout, as: UTF8.self),
            stderr: String(decoding: bytes.stderr, as: UTF8.self), signalled: bytes.signalled)
    }
}
