import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the writer put the review log, as recorded on the first line of a progress file:
/// `"reviewsIndex":{"at":"000000123456","count":"000000200000","size":"000037000000"}` — the
/// offset of the `"reviews"` key, how many reviews follow, and the file's size in bytes (12
/// digits each, fixed width, so the writer can fill them in once the file is built).
///
/// Opening trusts the index only if the file still has that size and the bytes at `at` are
/// `"reviews":[`; otherwise (older files, files edited by hand) the whole file is read as before.
struct ProgressLogIndex: Sendable, Equatable {
    /// Digits per field.
    static let width = 12
    /// How much of the file's start is read to find the index.
    static let probeSize = 4096
    /// The bytes found at ``at`` in a file the index describes.
    static let marker: [UInt8] = Array("\"reviews\":[".utf8)

    /// The offset of the `"reviews"` key.
    var at: Int
    /// How many reviews the log holds.
    var count: Int
    /// The file's size in bytes.
    var size: Int

    /// The index in the first bytes of a file, if they hold one before any key but the short
    /// ones the writer puts first.
    static func find(in prefix: [UInt8]) -> ProgressLogIndex? {
        prefix.withUnsafeBufferPointer { buffer -> ProgressLogIndex? in
            var parser = ProgressJSONParser(buffer)
            var found: ProgressLogIndex?
            do throws(ProgressReadError) {
                try parser.object(path: { "" }) { (p, key) throws(ProgressReadError) in
                    let b = p.bytes
                    if key.is("reviewsIndex", in: b) {
                        var fields: [String: Int] = [:]
                        try p.object(path: { "reviewsIndex" }) { (p, key) throws(ProgressReadError) in
                            let name = key.string(in: p.bytes)
                            let text = try p.string(path: { "reviewsIndex." + name })
                            if text.utf8.count == width, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                                fields[name] = Int(text)
                            }
                        }
                        if let at = fields["at"], let count = fields["count"], let size = fields["size"] {
                            found = ProgressLogIndex(at: at, count: count, size: size)
                        }
                        throw .missing(field: "")  // stop: everything needed is known
                    } else if key.is("format", in: b) || key.is("learner", in: b) || key.is("created", in: b)
                        || key.is("updated", in: b) || key.is("sequence", in: b)
                    {
                        try p.skipValue()
                    } else {
                        throw .missing(field: "")  // the writer puts the index before this key
                    }
                }
            } catch {
                return found
            }
            return found
        }
    }

    /// Reads the part of `url` before its review log, if the file has a valid index: the bytes
    /// `0..<at`, with the index. `nil`: read the whole file instead.
    static func readHead(_ url: URL) throws(ProgressError) -> (bytes: [UInt8], index: ProgressLogIndex)? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(file: url.path, operation: "opening", errno: errno) }
        defer { _ = posixClose(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let probe = try ProgressFiles.readRange(fd, from: 0, count: min(size, probeSize), file: url.path)
        guard let index = find(in: probe), index.size == size, index.at > 0,
            index.at + marker.count <= size
        else { return nil }
        var head: [UInt8]
        if index.at + marker.count <= probe.count {
            head = Array(probe[0..<(index.at + marker.count)])
        } else {
            head = probe
            head += try ProgressFiles.readRange(
                fd, from: probe.count, count: index.at + marker.count - probe.count, file: url.path)
        }
        guard head.count == index.at + marker.count, Array(head[index.at...]) == marker else { return nil }
        head.removeLast(marker.count)
        return (head, index)
    }
}
