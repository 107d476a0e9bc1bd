import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The IPv4 addresses students can reach this machine at.
package enum NetworkAddresses {
    /// The addresses a server bound to `bind` answers on: `bind` itself, or for `0.0.0.0` every
    /// interface's IPv4 address, non-loopback first.
    package static func reachable(bind: String) -> [String] {
        guard bind == "0.0.0.0" || bind == "::" else { return [bind] }
        var found: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return ["127.0.0.1"] }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET)
            else {
                continue
            }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(MemoryLayout<sockaddr_in>.size)
            if getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(cString: host)
                if !found.contains(text) { found.append(text) }
            }
        }
        let outside = found.filter { !$0.hasPrefix("127.") }
        return outside + found.filter { $0.hasPrefix("127.") }
    }
}
