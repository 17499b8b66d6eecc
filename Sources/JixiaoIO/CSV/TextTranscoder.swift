import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a byte stream in UTF-8 (with or without BOM) or GB18030/GBK into UTF-8, chunk by chunk. The encoding is
/// decided from the start of the stream: valid UTF-8 stays UTF-8, anything else is read as GB18030 (a superset of
/// GBK and GB2312, the encodings Chinese budget systems export). Constant memory: a sequence cut at a chunk's end
/// is carried to the next chunk.
final class TextTranscoder {
    enum Encoding: String {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    enum TranscodingError: Error, Equatable {
        /// Bytes that are valid in neither encoding, at a byte offset of the file.
        case invalidBytes(offset: Int)
        case unavailable(String)
    }

    let encoding: Encoding
    private var converter: iconv_t?
    private var pending: [UInt8] = []
    private var consumed = 0
    private var atStart = true

    /// Chooses the encoding from the first bytes of the stream (give as much as is at hand, a few KB at least).
    init(sample: [UInt8]) throws {
        let body = sample.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(sample.dropFirst(3)) : sample
        encoding = TextTranscoder.isUTF8(body, allowTruncatedEnd: true) ? .utf8 : .gb18030
        if encoding == .gb18030 {
            let handle = iconv_open("UTF-8", "GB18030")
            guard let handle, Int(bitPattern: handle) != -1 else { throw TranscodingError.unavailable("GB18030") }
            converter = handle
        }
    }

    deinit { if let converter { iconv_close(converter) } }

    /// The next chunk as UTF-8; the bytes of an incomplete trailing character wait for the next call.
    func transcode(_ chunk: [UInt8]) throws -> [UInt8] {
        var input = pending + chunk
        pending = []
        if atStart {
            atStart = false
            if input.starts(with: [0xEF, 0xBB, 0xBF]) {
                input.removeFirst(3)
                consumed += 3
            }
        }
        guard let converter else {
            let complete = TextTranscoder.completePrefixLength(input)
            pending = Array(input[complete...])
            consumed += complete
            return Array(input[..<complete])
        }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inputLeft = input.count
        var outputLeft = output.count
        let result: Int = input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                var inputPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outputPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
            }
        }
        let used = input.count - inputLeft
        if result == -1, errno == EILSEQ { throw TranscodingError.invalidBytes(offset: consumed + used) }
        consumed += used
        pending = Array(input[used...])
        return Array(output[..<(output.count - outputLeft)])
    }

    /// Whatever is still pending at the end of the stream is an error: a character cut off by the end of the file.
    func finish() throws {
        if !pending.isEmpty { throw TranscodingError.invalidBytes(offset: consumed) }
    }

    /// Whether bytes are UTF-8, allowing the last character to be cut off.
    static func isUTF8(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> Bool {
        let end = allowTruncatedEnd ? completePrefixLength(bytes) : bytes.count
        return String(validating: bytes[..<end], as: UTF8.self) != nil
            && (allowTruncatedEnd || end == bytes.count)
    }

    /// The length of the longest prefix that does not end inside a multi-byte UTF-8 character.
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        var continuation = 0
        while index > 0, continuation < 4 {
            let byte = bytes[index - 1]
            if byte & 0xC0 == 0x80 {
                continuation += 1
                index -= 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > continuation + 1 ? index - 1 : bytes.count
        }
        return bytes.count
    }
}
