import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The width text is laid out at, read each time it is asked for (so a resized window is
/// honoured by the next text): the terminal's columns when the stream written to is a terminal (at
/// most 100, for lines that stay readable on a wide window), else `$COLUMNS`, else 80.
package enum TerminalSize {
    /// The widest a terminal line is laid out.
    package static let maximum = 100

    /// The columns to wrap text written to `fd` (standard output unless given) at now.
    package static func columns(
        of fd: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int {
        if isatty(fd) != 0 {
            var size = winsize()
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                return min(Int(size.ws_col), maximum)
            }
        }
        if let text = environment["COLUMNS"], let value = Int(text), value >= 20 { return value }
        return 80
    }
}
