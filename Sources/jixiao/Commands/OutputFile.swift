import ArgumentParser
import Foundation
import JixiaoIO

/// Writes output files whole or not at all: to a temporary name beside the target, then renamed over it, and says
/// what it wrote.
enum OutputFile {
    /// Writes `data` (described as `what`, e.g. `自评报告`) to `path`, then prints `已写入…` with the full path and the
    /// size — on stderr when stdout carries the command's own output; nothing when `quiet` (a batch says it once).
    static func write(_ data: Data, to path: String, what: String, statusOnStandardError: Bool = false,
                      quiet: Bool = false) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            Terminal.error("\(path)：无法写入（\((error as NSError).localizedDescription)）")
            throw ExitCode(ExitCodes.outputFailed)
        }
        guard !quiet else { return }
        let status = "已写入\(what)：\(target.standardizedFileURL.path)（\(ClerkFormats.fileSize(data.count))）"
        if statusOnStandardError { Terminal.error(status) } else { Terminal.output(status) }
    }
}
