import Foundation

/// Standard output (or standard error) as a ``TextSink``.
public final class StandardOutput: TextSink {
    private let handle: FileHandle

    public init(handle: FileHandle = .standardOutput) {
        self.handle = handle
    }

    /// Standard error.
    public static var standardError: StandardOutput { StandardOutput(handle: .standardError) }

    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
