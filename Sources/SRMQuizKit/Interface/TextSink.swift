/// Where user-facing output goes: standard output, or a buffer in tests.
package protocol TextSink: AnyObject {
    /// Writes `text` as is (add your own newline).
    func write(_ text: String)
}

/// A sink that keeps everything written, for tests and for rendering to a string.
package final class BufferSink: TextSink {
    package private(set) var text = ""
    package init() {}
    package func write(_ text: String) { self.text += text }
}
