/// Where user-facing output goes: standard output, or a buffer in tests (`BufferSink`, in the
/// SRMQuizTestSupport target).
package protocol TextSink: AnyObject {
    /// Writes `text` as is (add your own newline).
    func write(_ text: String)
}
