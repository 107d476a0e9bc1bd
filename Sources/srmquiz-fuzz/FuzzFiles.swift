import Foundation

@testable import SRMQuizKit

/// Progress files in a private folder (under /dev/shm when there is one), rewritten for each
/// input and read through ``ProgressLoader``, the reader every progress command uses.
final class FuzzFiles: @unchecked Sendable {
    static let shared = FuzzFiles()

    let state: URL
    let log: URL

    private init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        var template = Array("\(base)/srmquiz-fuzz-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("cannot make a folder under \(base)")
        }
        let folder = URL(fileURLWithPath: String(cString: made))
        state = folder.appendingPathComponent("fuzz.json")
        log = ProgressFiles.log(of: state)
        atexit {
            try? FileManager.default.removeItem(at: FuzzFiles.shared.state.deletingLastPathComponent())
        }
    }

    /// `bytes` as the state file, with no log.
    func loadState(_ bytes: [UInt8]) {
        try? FileManager.default.removeItem(at: log)
        write(bytes, to: state)
        _ = try? ProgressLoader.load(state, wholeLog: true)
        _ = try? ProgressLoader.load(state, wholeLog: false)
    }

    /// `bytes` as the log, beside a state file that reflects its first few complete lines (0 to
    /// 3, chosen by the input's size), so both the replayed tail and the lines the state
    /// reflects (read back by an undo) are exercised.
    func loadLog(_ bytes: [UInt8]) {
        var reflected = bytes.count % 4
        var offset = 0
        var seen = 0
        while seen < reflected, let end = bytes[offset...].firstIndex(of: 0x0A) {
            offset = end + 1
            seen += 1
        }
        reflected = seen
        let file = ProgressStateFile(
            learner: "fuzz", created: Date(timeIntervalSince1970: 0), updated: Date(timeIntervalSince1970: 0),
            settings: SchedulerSettings(), logLines: reflected, logBytes: offset, cards: [:])
        guard let encoded = try? ProgressCodec.fileEncoder().encode(file) else { fatalError("cannot encode a state") }
        write(Array(encoded), to: state)
        write(bytes, to: log)
        _ = try? ProgressLoader.load(state, wholeLog: true)
        _ = try? ProgressLoader.load(state, wholeLog: false)
    }

    private func write(_ bytes: [UInt8], to url: URL) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot write \(url.path)") }
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { fatalError("cannot write \(url.path)") }
            done += n
        }
        close(fd)
    }
}
