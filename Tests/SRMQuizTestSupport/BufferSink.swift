import SRMQuizKit

/// A sink that keeps everything written: what a person would have seen, for a test to read.
package final class BufferSink: TextSink {
    package private(set) var text = ""
    package init() {}
    package func write(_ text: String) { self.text += text }
}
