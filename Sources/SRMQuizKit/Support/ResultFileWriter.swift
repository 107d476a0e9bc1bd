import Foundation

/// Writes result and report files atomically: the text goes to a temporary file in the same
/// folder, is flushed, given its mode, then renamed over the destination, so a reader never sees
/// half a file and a crash never leaves one.
public enum ResultFileWriter {
    /// Writes `data` to `path` atomically with POSIX permissions `mode` (0600 by default),
    /// creating missing parent folders (mode 0700).
    public static func write(_ data: Data, to path: String, mode: Int = 0o600) throws(ResultFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let fm = FileManager.default
        do {
            try fm.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ResultFileError(
                path: path, reason: "cannot create folder \(folder.path): \(error.localizedDescription)")
        }
        let temp = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard fm.createFile(atPath: temp.path, contents: nil, attributes: [.posixPermissions: mode]) else {
            throw ResultFileError(path: path, reason: "cannot create \(temp.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temp)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            try fm.setAttributes([.posixPermissions: mode], ofItemAtPath: temp.path)
            if rename(temp.path, url.path) != 0 {
                throw ResultFileError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as ResultFileError {
            try? fm.removeItem(at: temp)
            throw error
        } catch {
            try? fm.removeItem(at: temp)
            throw ResultFileError(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes `text` as UTF-8; see ``write(_:to:mode:)``.
    public static func write(_ text: String, to path: String, mode: Int = 0o600) throws(ResultFileError) {
        try write(Data(text.utf8), to: path, mode: mode)
    }
}

/// A result or report file that could not be written.
public struct ResultFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot write \(path): \(reason)" }
}
