import Foundation

/// Standard output (or standard error) as a ``TextSink``.
package final class StandardOutput: TextSink {
    private let handle: FileHandle

    package init(handle: FileHandle = .standardOutput) {
        self.handle = handle
    }

    /// Standard error.
    package static var standardError: StandardOutput { StandardOutput(handle: .standardError) }

    package func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
