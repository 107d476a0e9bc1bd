import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import SRMQuizKit

/// The HTTP and WebSocket server of a live class: the student page at `/` and the protocol at
/// `/ws` (docs/class-protocol.md), in front of one ``ClassHub``.
package struct ClassServer: Sendable {
    package let hub: ClassHub
    package let host: String
    package let port: Int

    package init(hub: ClassHub, host: String, port: Int) {
        self.hub = hub
        self.host = host
        self.port = port
    }

    /// Runs the server until the task is cancelled; `onListening` gets the bound port (useful
    /// with port 0).
    package func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let hub = self.hub
        let router = Router(context: ClassRequestContext.self)
        router.get("/") { _, _ in StudentPage.response(StudentPage.html, type: "text/html; charset=utf-8") }
        router.get("/app.js") { _, _ in
            StudentPage.response(StudentPage.script, type: "text/javascript; charset=utf-8")
        }
        router.get("/app.css") { _, _ in
            StudentPage.response(StudentPage.style, type: "text/css; charset=utf-8")
        }

        let wsRouter = Router(context: ClassRequestContext.self)
        wsRouter.ws(RouterPath(stringLiteral: ClassProtocol.path)) { _, _ in
            .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let address = context.requestContext.remoteAddress?.ipAddress ?? "unknown"
            let (id, stream) = await hub.connect(address: address)
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await item in stream {
                        switch item {
                        case .text(let text):
                            do { try await outbound.write(.text(text)) } catch { return }
                        case .close(let code, let reason):
                            try? await outbound.close(.init(codeNumber: Int(code)), reason: reason)
                            return
                        }
                    }
                }
                group.addTask {
                    do {
                        for try await message in inbound.messages(maxSize: ClassProtocol.maximumMessageBytes)
                        {
                            guard case .text(let text) = message else {
                                await hub.receive("binary", from: id)
                                continue
                            }
                            let delay = await hub.delay(before: text, from: id)
                            if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
                            await hub.receive(text, from: id)
                        }
                    } catch {}
                    await hub.disconnected(id)
                }
                await group.next()
                group.cancelAll()
            }
            await hub.disconnected(id)
        }

        var logger = Logger(label: "srmquiz-class")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: wsRouter,
                configuration: .init(
                    ws: .init(
                        maxFrameSize: ClassProtocol.maximumMessageBytes,
                        autoPing: .enabled(timePeriod: .seconds(15))))),
            configuration: .init(address: .hostname(host, port: port), serverName: "srmquiz"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [])
    }
}
