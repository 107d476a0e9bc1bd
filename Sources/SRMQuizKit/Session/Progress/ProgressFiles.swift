import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX file operations progress files need, with the durability steps spelled out: files
/// are created 0600 and folders 0700; a replaced file is written to a temporary file in the same
/// folder, fsynced, renamed over the old one, and the folder fsynced.
enum ProgressFiles {
    /// The companion files of a progress file.
    static func journal(of file: URL) -> URL { sibling(file, ".journal") }
    /// `NAME.reviews.jsonl` beside `NAME.json` (`FILE.reviews.jsonl` beside any other `FILE`).
    static func log(of file: URL) -> URL {
        let name = file.lastPathComponent
        let stem = name.hasSuffix(".json") && name.count > 5 ? String(name.dropLast(5)) : name
        return file.deletingLastPathComponent().appendingPathComponent(stem + ".reviews.jsonl")
    }
    static func backup(of file: URL) -> URL { sibling(file, ".bak") }
    static func lock(of file: URL) -> URL { sibling(file, ".lock") }
    static func temporary(of file: URL) -> URL { sibling(file, ".tmp") }

    private static func sibling(_ file: URL, _ suffix: String) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + suffix)
    }

    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Creates `folder` and any missing parents with mode 0700 (existing folders are left as they are).
    static func makeFolder(_ folder: URL) throws(ProgressError) {
        let path = folder.path
        if exists(folder) { return }
        let parent = folder.deletingLastPathComponent()
        if parent.path != path { try makeFolder(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw .io(file: path, operation: "creating the folder", errno: errno)
        }
        _ = chmod(path, 0o700)
    }

    /// The whole content of `url`.
    static func read(_ url: URL) throws(ProgressError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(file: url.path, operation: "opening", errno: errno) }
        defer { _ = posixClose(fd) }
        return try readRange(fd, from: 0, count: size(fd), file: url.path)
    }

    /// The size of the open file `fd`.
    static func size(_ fd: Int32) -> Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The device, inode and modification time of `url` (what changes when a file is replaced).
    static func identity(_ url: URL) -> [Int] {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return [] }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return [
            Int(info.st_dev), Int(info.st_ino), Int(modified.tv_sec), Int(modified.tv_nsec),
            Int(info.st_size),
        ]
    }

    /// Up to `count` bytes of `fd` from `offset` (fewer at the end of the file).
    static func readRange(_ fd: Int32, from offset: Int, count: Int, file: String) throws(ProgressError)
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
        if failure != 0 { throw .io(file: file, operation: "reading", errno: failure) }
        return bytes
    }

    /// Writes all of `data` to `fd`.
    static func writeAll(_ fd: Int32, _ data: Data, file: String) throws(ProgressError) {
        try withRawBytes(data) { (raw) throws(ProgressError) in try writeAll(fd, raw, file: file) }
    }

    /// Writes all of `raw` to `fd`.
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, file: String) throws(ProgressError) {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let n = posixWrite(fd, base + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(file: file, operation: "writing", errno: errno)
            }
            offset += n
        }
    }

    /// Flushes `fd`'s data (and the size) to the disk.
    static func sync(_ fd: Int32, file: String) throws(ProgressError) {
        #if canImport(Glibc)
            let result = fdatasync(fd)
        #else
            let result = fcntl(fd, F_FULLFSYNC)
        #endif
        if result != 0 { throw .io(file: file, operation: "fsync", errno: errno) }
    }

    /// Flushes the folder holding `file`, so a created, renamed or removed name survives a crash.
    static func syncFolder(of file: URL) throws(ProgressError) {
        let folder = file.deletingLastPathComponent().path
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(file: folder, operation: "opening the folder", errno: errno) }
        defer { _ = posixClose(fd) }
        if fsync(fd) != 0 && errno != EINVAL {
            throw .io(file: folder, operation: "fsync of the folder", errno: errno)
        }
    }

    /// Opens (creating with mode 0600) `url` for `flags`; reports whether it was created.
    static func openCreating(_ url: URL, flags: Int32) throws(ProgressError) -> (fd: Int32, created: Bool) {
        var created = false
        var fd = open(url.path, flags | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            fd = open(url.path, flags | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            created = fd >= 0
            if fd < 0 && errno == EEXIST { fd = open(url.path, flags | O_CLOEXEC) }
        }
        guard fd >= 0 else { throw .io(file: url.path, operation: "opening", errno: errno) }
        if created { _ = fchmod(fd, 0o600) }
        return (fd, created)
    }

    /// Replaces `url` with `data` atomically: a crash leaves either the old or the new content.
    static func replace(_ url: URL, with data: Data) throws(ProgressError) {
        try withRawBytes(data) { (raw) throws(ProgressError) in try replace(url, with: raw) }
    }

    /// Calls `body` with the bytes of `value`, keeping `body`'s error type.
    private static func withRawBytes(
        _ value: some ContiguousBytes, _ body: (UnsafeRawBufferPointer) throws(ProgressError) -> Void
    ) throws(ProgressError) {
        var failure: ProgressError?
        value.withUnsafeBytes { raw in
            do throws(ProgressError) {
                try body(raw)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    private static func replace(_ url: URL, with data: UnsafeRawBufferPointer) throws(ProgressError) {
        let temporary = temporary(of: url)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(file: temporary.path, operation: "creating", errno: errno) }
        do throws(ProgressError) {
            _ = fchmod(fd, 0o600)
            try writeAll(fd, data, file: temporary.path)
            if fsync(fd) != 0 {
                throw ProgressError.io(file: temporary.path, operation: "fsync", errno: errno)
            }
        } catch {
            _ = posixClose(fd)
            _ = unlink(temporary.path)
            throw error
        }
        _ = posixClose(fd)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            _ = unlink(temporary.path)
            throw .io(
                file: url.path, operation: "renaming \(temporary.lastPathComponent) over it", errno: code)
        }
        try syncFolder(of: url)
    }

    /// Makes `copy` hold what `url` holds now (a hard link, or an atomic copy where links fail).
    static func preserve(_ url: URL, as copy: URL) throws(ProgressError) {
        let staging = copy.deletingLastPathComponent().appendingPathComponent(copy.lastPathComponent + ".tmp")
        _ = unlink(staging.path)
        if link(url.path, staging.path) == 0 {
            if rename(staging.path, copy.path) != 0 {
                let code = errno
                _ = unlink(staging.path)
                throw .io(
                    file: copy.path, operation: "renaming \(staging.lastPathComponent) over it", errno: code)
            }
        } else {
            try replace(copy, with: Data(try read(url)))
        }
    }

    /// Removes `url` if it exists.
    static func remove(_ url: URL) throws(ProgressError) {
        if unlink(url.path) != 0 && errno != ENOENT {
            throw .io(file: url.path, operation: "removing", errno: errno)
        }
    }
}

// Unambiguous names for the C calls that clash with Swift methods.
@inline(__always) func posixClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
@inline(__always) func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
