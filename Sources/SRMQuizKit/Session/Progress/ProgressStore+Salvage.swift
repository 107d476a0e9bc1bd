import Foundation

extension ProgressStore {
    /// Opens the progress at `url` for `progress rebuild --skip-damaged`: the whole log is read and
    /// lines that cannot be read or applied (other than a torn last line) are left out, and
    /// appended as they were to `<log>.damaged`.
    ///
    /// Returns the store (whose ``log`` holds the good lines' answers) and the damaged lines'
    /// numbers and reasons. The rebuild then rewrites the log and the state
    /// (``replaceCards(with:settings:)``).
    package static func openSkippingDamagedLines(at url: URL, clock: any Clock) throws(ProgressError)
        -> (store: ProgressStore, damaged: [(line: Int, reason: String)])
    {
        let url = url.standardizedFileURL
        let lock = try ProgressLock.acquire(for: url)
        guard ProgressFiles.exists(url),
            case .current(let state) = try ProgressLoader.decodeState(
                try ProgressFiles.read(url), file: url)
        else {
            lock.release()
            let store = try open(at: url, learner: "default", createWith: SchedulerSettings(), clock: clock)
            try store.loadLog()
            return (store, [])
        }
        let logURL = ProgressFiles.log(of: url)
        let bytes = ProgressFiles.exists(logURL) ? try ProgressFiles.read(logURL) : []
        var history = ReviewHistory()
        var damaged: [(line: Int, reason: String)] = []
        var damagedBytes: [UInt8] = []
        var strings = StringTable(forBytes: bytes.count)
        var number = 0
        var start = 0
        while start < bytes.count {
            number += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let raw = Array(bytes[start..<end])
            let problem: String?
            switch raw.withUnsafeBufferPointer({
                ProgressCodec.line($0, checked: state.format >= 4, strings: &strings)
            }) {
            case .success(let line): problem = history.apply(line)
            case .failure(let failure): problem = failure.message
            }
            if let problem {
                if end == bytes.count { break }  // a torn last line: never acknowledged
                damaged.append((number, "(at byte \(start)) " + problem))
                damagedBytes += raw + [0x0A]
            }
            start = end + 1
        }
        if !damaged.isEmpty {
            let side = URL(fileURLWithPath: logURL.path + ".damaged")
            let kept = ProgressFiles.exists(side) ? try ProgressFiles.read(side) : []
            try ProgressFiles.replace(side, with: Data(kept + damagedBytes))
        }
        var loaded = ProgressLoader(
            url: url, logURL: logURL, state: state, lines: number, bytes: bytes.count)
        loaded.history = history
        if let settings = history.settings { loaded.state.settings = settings }
        return (ProgressStore(url: url, loaded: loaded, clock: clock, lock: lock), damaged)
    }
}
