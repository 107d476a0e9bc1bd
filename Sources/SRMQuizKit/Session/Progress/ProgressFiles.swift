import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file operations progress files need, on top of ``DurableFile`` (which does the atomic,
/// durable replace and the link-safe opening): files are created 0600 and folders 0700, nothing is
/// opened through a symbolic link (`O_NOFOLLOW`), and only regular files are read.
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
    /// Where ``preserve(_:as:)`` links a file before renaming it into place.
    static func staging(of copy: URL) -> URL { sibling(copy, ".tmp") }

    private static func sibling(_ file: URL, _ suffix: String) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + suffix)
    }

    /// Whether anything (a file, a link, …) is at `url`.
    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// `body` (a ``DurableFile`` call), its error as a ``ProgressError`` naming the same file.
    static func run<T>(_ body: @autoclosure () throws(FileError) -> T) throws(ProgressError) -> T {
        do { return try body() } catch { throw .file(error) }
    }

    /// The whole content of the regular file `url` (never through a link, never blocking on a FIFO).
    static func read(_ url: URL) throws(ProgressError) -> [UInt8] {
        try run(DurableFile.read(url.path))
    }

    /// The size of the open file `fd`.
    static func size(_ fd: Int32) -> Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The device, inode and modification time of `url` (what changes when a file is replaced).
    static func identity(_ url: URL) -> [Int] {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return [] }
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

    /// Writes all of `data` to `fd`.
    static func writeAll(_ fd: Int32, _ data: Data, file: String) throws(ProgressError) {
        var failure: FileError?
        data.withUnsafeBytes { raw in
            do throws(FileError) { try DurableFile.writeAll(fd, raw, path: file) } catch { failure = error }
        }
        if let failure { throw .file(failure) }
    }

    /// Opens (creating with mode 0600) the regular file `url` for `flags`, never through a link;
    /// reports whether it was created.
    static func openCreating(_ url: URL, flags: Int32) throws(ProgressError) -> (fd: Int32, created: Bool) {
        var created = false
        let flags = flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        var fd = open(url.path, flags)
        if fd < 0 && errno == ENOENT {
            fd = open(url.path, flags | O_CREAT | O_EXCL, 0o600)
            created = fd >= 0
            if fd < 0 && errno == EEXIST { fd = open(url.path, flags) }
        }
        guard fd >= 0 else {
            let code = errno
            try checkTarget(url)  // names a link or a FIFO, device or socket
            throw .io(file: url.path, operation: "opening", errno: code)
        }
        try run(DurableFile.checkRegular(fd, path: url.path))
        let mode = fcntl(fd, F_GETFL)
        if mode >= 0 { _ = fcntl(fd, F_SETFL, mode & ~O_NONBLOCK) }
        if created { _ = fchmod(fd, 0o600) }
        return (fd, created)
    }

    /// Replaces `url` with `data` atomically: a crash leaves either the old or the new content.
    static func replace(_ url: URL, with data: Data) throws(ProgressError) {
        try run(DurableFile.replace(url.path, with: data))
    }

    /// Makes `copy` hold what `url` holds now (a hard link, or an atomic copy where links fail).
    static func preserve(_ url: URL, as copy: URL) throws(ProgressError) {
        let staging = staging(of: copy)
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

    // MARK: Checks before writing

    /// Throws unless `url` is missing or a regular file: a symbolic link, a FIFO, a device, a
    /// socket or a folder is named in the error.
    static func checkTarget(_ url: URL) throws(ProgressError) {
        var info = stat()
        guard lstat(url.path, &info) == 0, let kind = FileKind(mode: info.st_mode), kind != .regular else {
            return
        }
        if kind == .symbolicLink { throw .symbolicLink(file: url.path, target: linkTarget(url)) }
        throw .notRegularFile(file: url.path, kind: kind)
    }

    /// What the symbolic link `url` holds, or `nil`.
    static func linkTarget(_ url: URL) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(url.path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Throws ``ProgressError/unsafeFolder(folder:reason:)`` if `folder` could be changed by
    /// another user: writable by everyone (even with the sticky bit, as `/tmp`), writable by a
    /// group other than the user's own private group, or owned by another user (not root).
    static func checkFolder(_ folder: URL) throws(ProgressError) {
        var info = stat()
        guard stat(folder.path, &info) == 0 else {
            throw .io(file: folder.path, operation: "checking the folder", errno: errno)
        }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        if info.st_mode & S_IWOTH != 0 {
            throw .unsafeFolder(folder: folder.path, reason: "is writable by every user (mode \(mode))")
        }
        if info.st_mode & S_IWGRP != 0 && !isPrivateGroup(info.st_gid) {
            throw .unsafeFolder(
                folder: folder.path,
                reason: "is writable by the group \(groupName(info.st_gid)) (mode \(mode))")
        }
        if info.st_uid != geteuid() && info.st_uid != 0 {
            throw .unsafeFolder(folder: folder.path, reason: "belongs to another user (uid \(info.st_uid))")
        }
    }

    /// Whether `gid` is the user's own group with no other members (a user-private group).
    private static func isPrivateGroup(_ gid: gid_t) -> Bool {
        guard gid == getegid(), let group = getgrgid(gid) else { return false }
        return group.pointee.gr_mem == nil || group.pointee.gr_mem.pointee == nil
    }

    private static func groupName(_ gid: gid_t) -> String {
        guard let group = getgrgid(gid), let name = group.pointee.gr_name else { return "\(gid)" }
        return "'\(String(cString: name))'"
    }
}

extension ProgressError {
    /// `error` as a progress error naming the same file.
    static func file(_ error: FileError) -> ProgressError {
        switch error.problem {
        case .system(ELOOP), .notRegular(.symbolicLink):
            return .symbolicLink(
                file: error.path, target: ProgressFiles.linkTarget(URL(fileURLWithPath: error.path)))
        case .system(let code): return .io(file: error.path, operation: error.operation, errno: code)
        case .notRegular(let kind): return .notRegularFile(file: error.path, kind: kind)
        case .tooLarge: return .io(file: error.path, operation: error.operation, errno: EFBIG)
        }
    }
}
