import Foundation

/// A running `srmquiz` process whose output is collected as it comes, so a test can wait for a
/// line and answer it, or kill it at a chosen moment (the live-class, crash and exam-journal
/// tests).
package final class Spawned: @unchecked Sendable {
    package let process = Process()
    private let input = Pipe()
    private let out = Pipe()
    private let err = Pipe()
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    /// A test failure: the process ended early, or did not print or exit in time.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
        package init(description: String) { self.description = description }
    }

    /// Starts `srmquiz arguments…` with a home of `home` (see ``CLI/Environment/scratch``) and
    /// `environment` added.
    package init(_ arguments: [String], home: URL, environment: [String: String] = [:]) throws {
        process.executableURL = try CLI.binary
        process.arguments = arguments
        process.environment = CLI.environment(.scratch, home: home, extra: environment)
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

    /// Standard output so far.
    package var stdout: String { lock.withLock { outText } }
    /// Standard error so far.
    package var stderr: String { lock.withLock { errText } }

    /// Types `line` on the process's standard input.
    package func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Closes standard input (end of input).
    package func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits until the output holds `text` `times` times; throws after `timeout` seconds.
    package func waitFor(_ text: String, times: Int = 1, timeout: Double = 60) async throws {
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
    @discardableResult package func waitForExit(timeout: Double = 60) async throws -> Int32 {
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
    package func stop() { if process.isRunning { process.terminate() } }
}
