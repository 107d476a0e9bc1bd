import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A minimal W3C WebDriver client for Debian's `chromedriver` driving headless `chromium`: enough
/// to open a page, type, click and read attributes. No Selenium needed.
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
    private let base: String
    private var session = ""

    init() async throws {
        guard let chromium = Self.chromium, let chromedriver = Self.chromedriver else {
            throw Failure(description: "chromium or chromedriver missing")
        }
        let port = Int.random(in: 30_000...39_999)
        base = "http://127.0.0.1:\(port)"
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let end = Date().addingTimeInterval(15)
        while true {
            if (try? await request("GET", "/status")) != nil { break }
            if Date() > end { throw Failure(description: "chromedriver did not start on \(port)") }
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
        let created = try await request("POST", "/session", capabilities)
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "no session: \(created)")
        }
        session = id
    }

    func open(_ url: String) async throws {
        _ = try await request("POST", "/session/\(session)/url", ["url": url])
    }

    /// The element matching `css`, waiting up to `timeout` seconds for it.
    func element(_ css: String, timeout: Double = 10) async throws -> String {
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

    func type(_ text: String, into css: String) async throws {
        let id = try await element(css)
        _ = try await request("POST", "/session/\(session)/element/\(id)/value", ["text": text])
    }

    func click(_ css: String) async throws {
        let id = try await element(css)
        _ = try await request("POST", "/session/\(session)/element/\(id)/click", [:])
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
    func waitForAttribute(_ name: String, of css: String, timeout: Double = 10) async throws -> String {
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

    func quit() async {
        _ = try? await request("DELETE", "/session/\(session)")
        driver.terminate()
    }

    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws
        -> [String: Any]
    {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "bad WebDriver reply to \(method) \(path)")
        }
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object
    }
}
