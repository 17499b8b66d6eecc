import Vapor

extension Request {
    /// The client's address as the audit trail and the sign-in throttle count it: the connection's peer, or — when
    /// the server is set to trust its reverse proxy (`serve --behind-proxy`) — the address that proxy appended last
    /// to `X-Forwarded-For` (earlier entries are the client's own claims and are ignored).
    var sourceAddress: String {
        if application.webSettings.behindProxy,
           let forwarded = headers[.xForwardedFor].last?.split(separator: ",").last?
            .trimmingCharacters(in: .whitespaces), !forwarded.isEmpty {
            return String(forwarded.prefix(64))
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
