import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, six digits — what
/// authenticator apps expect from an `otpauth://` enrolment.
public enum TOTP {
    public static let step: TimeInterval = 30
    public static let digits = 6

    /// A fresh 160-bit secret in base32, as authenticator apps take it.
    public static func newSecret() -> String { Base32.encode([UInt8].random(count: 20)) }

    /// The time step `date` falls in.
    public static func counter(at date: Date) -> Int { Int((date.timeIntervalSince1970 / step).rounded(.down)) }

    /// The code for `secret` at time step `counter` (RFC 4226 §5.3: dynamic truncation).
    public static func code(secret: String, counter: Int) -> String? {
        guard let key = Base32.decode(secret) else { return nil }
        var message = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { message[7 - index] = UInt8(truncatingIfNeeded: UInt64(counter) >> (8 * UInt64(index))) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The time step whose code `typed` is, within one step of `date` either way (clock drift), and later than
    /// `after` (a code is accepted once); nil when it is none.
    public static func matchingStep(secret: String, typed: String, at date: Date, after: Int) -> Int? {
        let typed = typed.filter { !$0.isWhitespace }
        guard typed.count == digits else { return nil }
        let now = counter(at: date)
        for candidate in [now, now - 1, now + 1] where candidate > after {
            if let code = code(secret: secret, counter: candidate),
               code.utf8.count == typed.utf8.count,
               zip(code.utf8, typed.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// The enrolment URI authenticator apps read (Key Uri Format).
    public static func uri(secret: String, account: String, issuer: String = "绩效") -> String {
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
        let issuerQuery = issuer.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? issuer
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuerQuery)&algorithm=SHA1&digits=6&period=30"
    }
}

/// RFC 4648 base32 without padding (the alphabet authenticator apps use).
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }

    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = ((buffer << 5) | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output.isEmpty ? nil : output
    }
}
