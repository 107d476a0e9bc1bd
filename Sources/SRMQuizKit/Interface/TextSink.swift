/// Where user-facing output goes: standard output, or a buffer in tests.
public protocol TextSink: AnyObject {
    /// Writes `text` as is (add your own newline).
    func write(_ text: String)
}

/// A sink that keeps everything written, for tests and for rendering to a string.
public final class BufferSink: TextSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}
