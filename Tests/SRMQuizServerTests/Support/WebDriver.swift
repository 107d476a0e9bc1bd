import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal W3C WebDriver client for Debian's `chromedriver` driving headless `chromium`: enough
/// to open a page, type, click and read attributes.
///
/// No Selenium needed.
final class WebDriver: @unchecked Sendable {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    /// Whether a headless browser can run here.
    static var isAvailable: Bool { chromium != nil && chromedriver != nil }

    struct Failure: Error, CustomStringConvertible { var description: String }

    private let driver = Process()
    private let port: Int
    private var session = ""

    init() async throws {
        guard let chromium = Self.chromium, let chromedriver = Self.chromedriver else {
            throw Failure(description: "chromium or chromedriver missing")
        }
        let port = Int.random(in: 30_000...39_999)
        self.port = port
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let end = Date().addingTimeInterval(15)
        while true {
            if (try? await request("GET", "/status")) != nil { break }
            if Date() > end {
                stopDriver()
                throw Failure(description: "chromedriver did not start on \(port)")
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                            "--window-size=412,915",
                        ],
                    ]
                ]
            ]
        ]
        let created: [String: Any]
        do { created = try await request("POST", "/session", capabilities) } catch {
            stopDriver()
            throw error
        }
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "no session: \(created)")
        }
        session = id
    }

    func open(_ url: String) async throws {
        _ = try await request("POST", "/session/\(session)/url", ["url": url])
    }

    /// The element matching `css`, waiting up to `timeout` seconds for it.
    func element(_ css: String, timeout: Double = 30) async throws -> String {
        let end = Date().addingTimeInterval(timeout)
        while true {
            if let found = try? await request(
                "POST", "/session/\(session)/element", ["using": "css selector", "value": css]),
                let value = found["value"] as? [String: Any], let id = value.values.first as? String,
                value.keys.contains(where: { $0.hasPrefix("element-") })
            {
                return id
            }
            if Date() > end { throw Failure(description: "no element \(css) in \(timeout) s") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
    }

    /// Types into `css`, waiting (up to 30 s) until the page lets it be typed into.
    func type(_ text: String, into css: String) async throws {
        let end = Date().addingTimeInterval(30)
        while true {
            let id = try await element(css)
            do {
                _ = try await request("POST", "/session/\(session)/element/\(id)/value", ["text": text])
                return
            } catch  where Date() < end {
                try await Task.sleep(nanoseconds: 200_000_000)
            }
        }
    }

    /// Clicks `css`, waiting (up to 30 s) until the page has made it visible and enabled.
    func click(_ css: String) async throws {
        let end = Date().addingTimeInterval(30)
        while true {
            let id = try await element(css)
            do {
                _ = try await request("POST", "/session/\(session)/element/\(id)/click", [:])
                return
            } catch  where Date() < end {
                try await Task.sleep(nanoseconds: 200_000_000)
            }
        }
    }

    func attribute(_ name: String, of css: String) async throws -> String? {
        let id = try await element(css)
        return try await request("GET", "/session/\(session)/element/\(id)/attribute/\(name)")["value"]
            as? String
    }

    func text(of css: String) async throws -> String {
        let id = try await element(css)
        return try await request("GET", "/session/\(session)/element/\(id)/text")["value"] as? String ?? ""
    }

    /// Waits until `css`'s attribute `name` is non-empty; returns it.
    func waitForAttribute(_ name: String, of css: String, timeout: Double = 30) async throws -> String {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let value = try? await attribute(name, of: css), !value.isEmpty { return value }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw Failure(description: "\(css) has no \(name) after \(timeout) s")
    }

    /// Waits until `css`'s text contains `wanted`.
    func waitForText(_ wanted: String, in css: String, timeout: Double = 10) async throws {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < end {
            last = (try? await text(of: css)) ?? ""
            if last.contains(wanted) { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw Failure(description: "\(css) never showed \(wanted) (last: \(last))")
    }

    /// chromedriver ignores SIGTERM while it serves: kill it.
    private func stopDriver() {
        guard driver.isRunning else { return }
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    func quit() async {
        _ = try? await request("DELETE", "/session/\(session)")
        stopDriver()
    }

    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws
        -> [String: Any]
    {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let data = try LoopbackHTTP.send(method: method, port: port, path: path, body: payload)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "bad WebDriver reply to \(method) \(path)")
        }
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object
    }
}

/// HTTP/1.1 to a loopback port over a plain socket, `Connection: close` (Foundation's URLSession
/// on Linux fails against chromedriver with "Failed writing header").
enum LoopbackHTTP {
    static func send(method: String, port: Int, path: String, body: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriver.Failure(description: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw WebDriver.Failure(description: "cannot connect to port \(port)") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        request += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let bytes = Data(request.utf8) + body
        try bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, 0)
                guard n > 0 else { throw WebDriver.Failure(description: "send failed") }
                sent += n
            }
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
            // Stop once the body announced by Content-Length is complete (the driver may keep
            // the connection open).
            if let split = response.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
                if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                    let length = Int(
                        line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
                    response.distance(from: split.upperBound, to: response.endIndex) >= length
                {
                    break
                }
            }
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else {
            throw WebDriver.Failure(description: "no HTTP response from port \(port)")
        }
        let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
        var content = Data(response[split.upperBound...])
        if head.contains("transfer-encoding: chunked") { content = dechunk(content) }
        return content
    }

    private static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let end = rest.index(start, offsetBy: size)
            out.append(rest[start..<end])
            rest = rest[(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return out
    }
}
