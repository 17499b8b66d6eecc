import Foundation

/// Where a sign-in may send the person afterwards: only a path on this site. Anything else — another host (`//x`,
/// `/\x`), a scheme, control characters that would split the `Location` header or that browsers drop (`/\t/x`),
/// and the same in percent-encoded form — gives the home page.
enum SafeRedirect {
    /// `next` when it is a plain same-site path, else the home page.
    static func path(_ next: String?) -> String {
        guard let next, isSameSitePath(next) else { return SiteURL.home.path }
        return next
    }

    static func isSameSitePath(_ candidate: String) -> Bool {
        guard candidate.utf8.count <= 2048 else { return false }
        // Check the text as sent and every decoding of it, so an encoded `//` or CR/LF is judged like a plain one.
        var form = candidate
        for _ in 0..<4 {
            guard isPlainPath(form) else { return false }
            guard let decoded = form.removingPercentEncoding, decoded != form else { return true }
            form = decoded
        }
        return false
    }

    private static func isPlainPath(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return false }
        return !scalars.contains { scalar in
            scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
                || (0x80...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format
        }
    }
}
