import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole input file (a bank, an import, a revlog, a report input) with limits, in one
/// place: only a regular file is read (a FIFO, device, socket or folder is refused at once, never
/// waited on), and never more than a given number of bytes.
///
/// The file is opened with `O_NONBLOCK`, so opening a FIFO with no writer returns at once, and
/// checked with `fstat` before any byte is read; the read stops one byte past the limit, so a file
/// that grows while it is read cannot take more memory than the limit.
package enum BoundedFileReader {
    /// The largest bank file read (16 MiB); see `docs/bank-format.md`.
    package static let bankFileLimit = 16 * 1024 * 1024

    /// The largest import, revlog or report input read (256 MiB).
    package static let inputFileLimit = 256 * 1024 * 1024

    /// Why a file was not read; each names the path.
    package enum Failure: Error, Equatable, CustomStringConvertible, LocalizedError {
        /// `open` or `read` failed (no such file, permission denied, …).
        case unreadable(path: String, reason: String)
        /// The path is not a regular file (`kind` says what it is: "a FIFO", "a character device", …).
        case notRegularFile(path: String, kind: String)
        /// The file holds more than `limit` bytes.
        case tooLarge(path: String, limit: Int)

        package var path: String {
            switch self {
            case .unreadable(let path, _), .notRegularFile(let path, _), .tooLarge(let path, _): path
            }
        }

        /// "<path>: <reason>".
        package var description: String { "\(path): \(reason)" }

        package var errorDescription: String? { description }

        /// What went wrong, without the path (for messages that name the file separately).
        package var reason: String {
            switch self {
            case .unreadable(_, let reason): "cannot read the file: \(reason)"
            default: detail
            }
        }

        /// ``reason`` without "cannot read the file" (for messages that already say it).
        package var detail: String {
            switch self {
            case .unreadable(_, let reason): reason
            case .notRegularFile(_, let kind):
                "the path is \(kind), not a regular file; only regular files are read"
            case .tooLarge(_, let limit):
                "the file is larger than \(BoundedFileReader.megabytes(limit)), the most that is read"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    package static func read(path: String, limit: Int) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            // A socket cannot be opened at all (ENXIO): say what it is rather than "no such device".
            var info = stat()
            if stat(path, &info) == 0, let kind = kindName(mode: info.st_mode) {
                throw .notRegularFile(path: path, kind: kind)
            }
            throw .unreadable(path: path, reason: reason)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if let kind = kindName(mode: info.st_mode) { throw .notRegularFile(path: path, kind: kind) }
        guard Int(info.st_size) <= limit else { throw .tooLarge(path: path, limit: limit) }
        return try readAll(fd: fd, path: path, limit: limit, expected: Int(info.st_size))
    }

    /// Standard input, at most `limit` bytes (a pipe or a file; a terminal is read until end of file).
    package static func readStandardInput(limit: Int) throws(Failure) -> Data {
        try readAll(fd: STDIN_FILENO, path: "standard input", limit: limit, expected: 64 * 1024)
    }

    /// Reads `fd` to its end, failing once more than `limit` bytes arrive.
    private static func readAll(fd: Int32, path: String, limit: Int, expected: Int) throws(Failure) -> Data {
        var data = Data(capacity: min(max(expected, 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    // Standard input set non-blocking by someone else: wait for it.
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&poller, 1, -1)
                    continue
                }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            data.append(contentsOf: chunk[0..<count])
            if data.count > limit { throw .tooLarge(path: path, limit: limit) }
        }
    }

    /// "16 MB" (mebibytes, as the limits are set).
    static func megabytes(_ bytes: Int) -> String { "\(bytes / (1024 * 1024)) MB" }

    /// What a non-regular file is, or nil for a regular file.
    static func kindName(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}

/// The C library's `read(2)` (inside ``BoundedFileReader`` the name means its own `read`).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
    #else
        Darwin.read(fd, buffer, count)
    #endif
}
