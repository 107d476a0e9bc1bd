import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place srmquiz writes whole files and opens files it reads: progress state and logs,
/// exam and class results, exports, imports and reports all go through it.
///
/// - ``replace(_:with:mode:createFolders:)`` is the durable atomic writer: a temporary file in the
///   same folder, created with `O_CREAT | O_EXCL | O_NOFOLLOW` (never over an existing file or
///   through a link), written, fsynced, renamed over the destination, then the folder fsynced. A
///   crash leaves the old content or the new, never half a file; an existing destination that is
///   not a regular file (a link, a device, a pipe) is refused.
/// - ``openForReading(_:followLinks:)`` opens with `O_NOFOLLOW | O_NONBLOCK` and checks with `fstat` that it
///   got a regular file, so a FIFO, a device or a socket is refused at once instead of hanging or
///   streaming without end.
package enum DurableFile {
    /// Replaces `path` with `data` atomically and durably, with permission bits `mode`.
    ///
    /// With `createFolders`, missing folders above it are created with mode 0700.
    package static func replace(
        _ path: String, with data: some ContiguousBytes, mode: Int = 0o600, createFolders: Bool = false
    ) throws(FileError) {
        if createFolders { try makeFolders((path as NSString).deletingLastPathComponent) }
        var failure: FileError?
        data.withUnsafeBytes { raw in
            do throws(FileError) {
                try replace(path, bytes: raw, mode: mode_t(mode))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Writes `text` as UTF-8 to `path` (replaced atomically, folders created); see
    /// ``replace(_:with:mode:createFolders:)``.
    package static func write(_ text: String, to path: String, mode: Int = 0o600) throws(FileError) {
        try replace(path, with: Data(text.utf8), mode: mode, createFolders: true)
    }

    /// Writes `data` to `path` (replaced atomically, folders created); see
    /// ``replace(_:with:mode:createFolders:)``.
    package static func write(_ data: Data, to path: String, mode: Int = 0o600) throws(FileError) {
        try replace(path, with: data, mode: mode, createFolders: true)
    }

    /// Numbers the temporary files of this process.
    private static let counter = Counter()

    private static func replace(_ path: String, bytes: UnsafeRawBufferPointer, mode: mode_t) throws(FileError)
    {
        var info = stat()
        if lstat(path, &info) == 0, let kind = FileKind(mode: info.st_mode), kind != .regular {
            throw FileError(path: path, operation: "replacing", problem: .notRegular(kind))
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<64 {
            temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(counter.next()).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw FileError(path: path, operation: "creating a temporary file in \(folder)", errno: errno)
        }
        do throws(FileError) {
            _ = fchmod(fd, mode)
            try writeAll(fd, bytes, path: path)
            try sync(fd, path: path, full: true)
            let closed = posixClose(fd)
            fd = -1
            if closed != 0 { throw FileError(path: path, operation: "writing", errno: errno) }
            if rename(temporary, path) != 0 {
                throw FileError(path: path, operation: "renaming \(temporary) over it", errno: errno)
            }
        } catch {
            if fd >= 0 { _ = posixClose(fd) }
            _ = unlink(temporary)
            throw error
        }
        try syncFolder(of: path)
    }

    /// Creates `folder` and any missing folders above it with mode 0700 (existing ones are left
    /// as they are).
    package static func makeFolders(_ folder: String) throws(FileError) {
        guard !folder.isEmpty else { return }
        var info = stat()
        if stat(folder, &info) == 0 {
            if FileKind(mode: info.st_mode) != .folder {
                throw FileError(path: folder, operation: "creating the folder", errno: ENOTDIR)
            }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != folder { try makeFolders(parent) }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw FileError(path: folder, operation: "creating the folder", errno: errno)
        }
    }

    /// Opens `path` read-only without following a link (unless `followLinks`) and without
    /// blocking, and checks it is a regular file; returns the descriptor (in blocking mode).
    package static func openForReading(_ path: String, followLinks: Bool = false) throws(FileError) -> Int32 {
        let fd = open(path, O_RDONLY | (followLinks ? 0 : O_NOFOLLOW) | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            let found = followLinks ? stat(path, &info) : lstat(path, &info)
            if found == 0, let kind = FileKind(mode: info.st_mode), kind != .regular {
                throw FileError(path: path, operation: "opening", problem: .notRegular(kind))
            }
            throw FileError(path: path, operation: "opening", errno: code)
        }
        try checkRegular(fd, path: path)
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return fd
    }

    /// Throws unless the open file `fd` is a regular file (closing `fd` when it throws).
    static func checkRegular(_ fd: Int32, path: String) throws(FileError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            _ = posixClose(fd)
            throw FileError(path: path, operation: "checking", errno: code)
        }
        if let kind = FileKind(mode: info.st_mode), kind != .regular {
            _ = posixClose(fd)
            throw FileError(path: path, operation: "opening", problem: .notRegular(kind))
        }
    }

    /// The whole content of the regular file `path` (refused beyond `limit` bytes); see
    /// ``openForReading(_:followLinks:)``.
    package static func read(_ path: String, limit: Int = .max, followLinks: Bool = false) throws(FileError)
        -> [UInt8]
    {
        let fd = try openForReading(path, followLinks: followLinks)
        defer { _ = posixClose(fd) }
        var info = stat()
        _ = fstat(fd, &info)
        let size = Int(info.st_size)
        if size > limit {
            throw FileError(path: path, operation: "reading", problem: .tooLarge(limit: limit))
        }
        return try readRange(fd, from: 0, count: size, path: path)
    }

    /// Up to `count` bytes of `fd` from `offset` (fewer at the end of the file).
    package static func readRange(_ fd: Int32, from offset: Int, count: Int, path: String) throws(FileError)
        -> [UInt8]
    {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, initialized in
            var done = 0
            while done < count, let base = buffer.baseAddress {
                let n = pread(fd, base + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if failure != 0 { throw FileError(path: path, operation: "reading", errno: failure) }
        return bytes
    }

    /// Writes all of `raw` to `fd` (a file-size limit is an `EFBIG` error, as `SIGXFSZ` is
    /// ignored by the program).
    package static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, path: String) throws(FileError) {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let n = posixWrite(fd, base + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "writing", errno: errno)
            }
            offset += n
        }
    }

    /// Flushes `fd` to the disk: its data and size (`fdatasync`), or everything with `full`.
    package static func sync(_ fd: Int32, path: String, full: Bool = false) throws(FileError) {
        #if canImport(Glibc)
            let result = full ? fsync(fd) : fdatasync(fd)
        #else
            let result = fcntl(fd, F_FULLFSYNC)
        #endif
        if result != 0 { throw FileError(path: path, operation: "fsync", errno: errno) }
    }

    /// Flushes the folder holding `path`, so a created, renamed or removed name survives a crash.
    package static func syncFolder(of path: String) throws(FileError) {
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: folder, operation: "opening the folder", errno: errno) }
        defer { _ = posixClose(fd) }
        if fsync(fd) != 0 && errno != EINVAL {
            throw FileError(path: folder, operation: "fsync of the folder", errno: errno)
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

/// What a path names, for messages (`is a FIFO (named pipe), not a regular file`).
public enum FileKind: String, Sendable, Hashable {
    case regular = "a regular file"
    case folder = "a folder"
    case symbolicLink = "a symbolic link"
    case fifo = "a FIFO (named pipe)"
    case characterDevice = "a character device"
    case blockDevice = "a block device"
    case socket = "a socket"

    /// The kind in `st_mode` (`nil` for one not listed).
    package init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: return nil
        }
    }
}

/// A file that could not be opened, read or written, naming it, what was being done, and why.
package struct FileError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Why it failed.
    package enum Problem: Sendable, Hashable {
        /// A system call failed with this `errno`.
        case system(Int32)
        /// The path names something other than a regular file.
        case notRegular(FileKind)
        /// The file is larger than the limit (bytes).
        case tooLarge(limit: Int)
    }

    package var path: String
    package var operation: String
    package var problem: Problem

    package init(path: String, operation: String, problem: Problem) {
        self.path = path
        self.operation = operation
        self.problem = problem
    }

    package init(path: String, operation: String, errno code: Int32) {
        self.init(path: path, operation: operation, problem: .system(code))
    }

    /// The `errno`, for a failed system call.
    package var code: Int32? {
        if case .system(let code) = problem { return code }
        return nil
    }

    /// The reason alone: `Permission denied`, `is a FIFO (named pipe), not a regular file`.
    package var reason: String {
        switch problem {
        case .system(let code) where code == ELOOP:
            return "it is a symbolic link, and srmquiz does not open files through links"
        case .notRegular(.symbolicLink):
            return "it is a symbolic link, and srmquiz does not open files through links"
        case .system(let code): return "\(operation) failed: \(String(cString: strerror(code)))"
        case .notRegular(let kind): return "it is \(kind.rawValue), not a regular file"
        case .tooLarge(let limit): return "it is larger than the limit of \(limit) bytes"
        }
    }

    package var description: String { "\(path): \(reason)" }
}

// Unambiguous names for the C calls that clash with Swift methods.
@inline(__always) func posixClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
@inline(__always) func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
