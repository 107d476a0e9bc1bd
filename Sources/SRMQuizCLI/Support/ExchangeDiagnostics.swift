import Foundation

/// Messages of the export and import commands on standard error.
enum ExchangeDiagnostics {
    /// Writes `message` to stderr, after `srmquiz: ` unless `prefixed` is false.
    static func error(_ message: String, prefixed: Bool = true) {
        FileHandle.standardError.write(Data(((prefixed ? "srmquiz: " : "") + message + "\n").utf8))
    }
}
