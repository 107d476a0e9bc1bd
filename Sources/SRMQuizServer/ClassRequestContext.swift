import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of the class server: WebSocket upgrades, and the client's address (for
/// slowing down repeated wrong join codes).
struct ClassRequestContext: RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<ClassRequestContext>
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.remoteAddress = source.channel.remoteAddress
    }
}
