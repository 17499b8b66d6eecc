import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends messages to a syslog server over UDP (RFC 5424, facility security/authorization, severity notice), for a
/// log server kept apart from the application's.
final class SyslogClient {
    private let socket: Int32
    private var address: sockaddr_in

    /// `HOST:PORT` with an IPv4 host.
    static func address(_ text: String) -> (String, UInt16)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]), inet_addr(String(parts[0])) != INADDR_NONE else { return nil }
        return (String(parts[0]), port)
    }

    struct SocketError: Error, CustomStringConvertible {
        let description: String
    }

    init(host: String, port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard socket >= 0 else { throw SocketError(description: "cannot open a UDP socket") }
        address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
    }

    deinit { close(socket) }

    /// One message: `<PRI>1 TIMESTAMP HOST jixiao - audit - MESSAGE`.
    func send(_ message: String, at date: Date) throws {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        let host = ProcessInfo.processInfo.hostName
        // Facility 10 (security/authorization) × 8 + severity 5 (notice).
        let datagram = Array("<85>1 \(formatter.string(from: date)) \(host) jixiao - audit - \(message)".utf8)
        var target = address
        let sent = withUnsafePointer(to: &target) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(socket, datagram, datagram.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard sent == datagram.count else { throw SocketError(description: "syslog: the message was not sent") }
    }
}
