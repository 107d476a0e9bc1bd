import Foundation

/// Standard input as a stream of lines, read on a background thread (for the live class, whose
/// host and students wait on the network and the keyboard at once). The stream ends at end of input.
enum StandardInputLines {
    static func stream() -> AsyncStream<String> {
        AsyncStream { continuation in
            let thread = Thread {
                while let line = readLine(strippingNewline: true) { continuation.yield(line) }
                continuation.finish()
            }
            thread.start()
        }
    }
}
