import Foundation

/// A running `srmquiz` process whose output is collected as it comes, so a test can wait for a
/// line and answer it (the end-to-end live-class tests).
final class Spawned: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let out = Pipe()
    private let err = Pipe()
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    /// The repository root (this file is Tests/SRMQuizServerTests/Support/Spawned.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary, as the core's end-to-end tests find it.
    static var binary: URL? {
        let candidates =
            [
                Bundle.main.bundleURL.appendingPathComponent("srmquiz"),
                Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("srmquiz"),
                root.appendingPathComponent(".build/debug/srmquiz"),
            ]
            + ProcessInfo.processInfo.arguments.prefix(1).map {
                URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("srmquiz")
            }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(_ arguments: [String], home: URL) throws {
        guard let binary = Self.binary else {
            throw Failure(description: "srmquiz binary not found; run swift build")
        }
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.outText += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.errText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var stdout: String { lock.withLock { outText } }
    var stderr: String { lock.withLock { errText } }

    /// Types `line` on the process's standard input.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Closes standard input (end of input).
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits until the output holds `text` `times` times; throws after `timeout` seconds.
    func waitFor(_ text: String, times: Int = 1, timeout: Double = 60) async throws {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if stdout.components(separatedBy: text).count - 1 >= times { return }
            if !process.isRunning, stdout.components(separatedBy: text).count - 1 < times {
                try await Task.sleep(nanoseconds: 100_000_000)
                if stdout.components(separatedBy: text).count - 1 >= times { return }
                throw Failure(
                    description:
                        "exited before printing \(text) ×\(times)\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        // A test thread starved by other tests may wake after the deadline: look once more.
        if stdout.components(separatedBy: text).count - 1 >= times { return }
        throw Failure(
            description: "timed out waiting for \(text) ×\(times)\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
    }

    /// Waits for the process to exit; kills it after `timeout` seconds and throws.
    @discardableResult func waitForExit(timeout: Double = 60) async throws -> Int32 {
        let end = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > end {
                process.terminate()
                throw Failure(
                    description: "did not exit in \(timeout) s\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        try await Task.sleep(nanoseconds: 50_000_000)
        return process.terminationStatus
    }

    /// Stops the process if it still runs.
    func stop() { if process.isRunning { process.terminate() } }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srmquiz-class-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
