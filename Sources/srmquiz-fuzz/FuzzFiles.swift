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
    ///
    /// Three inputs in four get a correct integrity check (any check they carry is replaced), so
    /// mutations reach the decoder behind it; the rest are read as they are, which exercises the
    /// check itself.
    func loadState(_ bytes: [UInt8]) {
        try? FileManager.default.removeItem(at: log)
        write(bytes.count % 4 == 3 ? bytes : Self.sealed(bytes, pretty: true), to: state)
        _ = try? ProgressLoader.load(state, wholeLog: true)
        _ = try? ProgressLoader.load(state, wholeLog: false)
    }

    /// `bytes` as the log, beside a (sealed) state file that reflects its first few lines.
    ///
    /// 0 to 3 complete lines, chosen by the input's size, so both the replayed tail and the lines
    /// the state reflects (read back by an undo) are exercised. Seven inputs in eight get a correct
    /// integrity check on every line (see ``sealed(_:pretty:)``), so mutations reach the line
    /// parsers; the rest are read as they are.
    func loadLog(_ input: [UInt8]) {
        let bytes = input.count % 8 == 7 ? input : Self.sealedLines(input)
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
        guard let encoded = try? ProgressCodec.fileEncoder().encode(file) else {
            fatalError("cannot encode a state")
        }
        write(Array(ProgressCheck.seal(encoded, pretty: true)), to: state)
        write(bytes, to: log)
        _ = try? ProgressLoader.load(state, wholeLog: true)
        _ = try? ProgressLoader.load(state, wholeLog: false)
    }

    /// `json` with its integrity check made right.
    ///
    /// A check it ends with is removed, then the CRC-32C of the rest is added as the writer adds
    /// it (``ProgressCheck/seal(_:pretty:)``).
    /// Anything not ending in `}` is left alone.
    static func sealed(_ json: [UInt8], pretty: Bool) -> [UInt8] {
        var body = json
        while let last = body.last, last == 0x0A || last == 0x20 { body.removeLast() }
        guard body.last == 0x7D else { return json }
        let marker = Array((pretty ? ",\n  \"crc32c\" : \"" : #","crc32c":""#).utf8)
        let tail = marker.count + 8 + (pretty ? 3 : 2)
        if body.count >= tail, Array(body[(body.count - tail)..<(body.count - tail + marker.count)]) == marker
        {
            body.removeLast(tail)
            body += pretty ? Array("\n}".utf8) : [0x7D]
        }
        return Array(ProgressCheck.seal(Data(body), pretty: pretty))
    }

    /// Every line of `log` through ``sealed(_:pretty:)``; line ends and a last line without one
    /// are kept.
    static func sealedLines(_ log: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(log.count + 64)
        let lines = log.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
            out += sealed(Array(line), pretty: false)
            if n < lines.count - 1 { out.append(0x0A) }
        }
        return out
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
