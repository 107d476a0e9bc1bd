import Foundation

/// A ``TextSink`` writing to standard output (or standard error), unbuffered.
public final class StandardOutputSink: TextSink {
    private let handle: FileHandle

    /// Standard output, or standard error when `toStandardError`.
    public init(toStandardError: Bool = false) {
        handle = toStandardError ? FileHandle.standardError : FileHandle.standardOutput
    }

    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
