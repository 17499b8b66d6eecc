import ArgumentParser
import Foundation

/// Writes output files whole or not at all: to a temporary name beside the target, then renamed over it.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
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
            Terminal.error("\(path): cannot be written: \((error as NSError).localizedDescription)")
            throw ExitCode(ExitCodes.outputFailed)
        }
    }
}
