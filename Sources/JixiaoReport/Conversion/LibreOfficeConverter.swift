import Foundation

/// Converts office documents with LibreOffice headless (DOCX → PDF, XLSX → PDF). Each run uses a private profile
/// directory and a font configuration that maps the official 公文 faces to installed CJK faces, and is killed when
/// it outruns its timeout.
public struct LibreOfficeConverter: Sendable {
    /// Why a conversion failed, in words that say what to install or check.
    public enum ConversionError: Error, CustomStringConvertible, Equatable {
        case notInstalled
        case noChineseFont
        case timedOut(seconds: Int)
        case failed(status: Int32, output: String)

        public var description: String {
            switch self {
            case .notInstalled:
                "LibreOffice is not installed (soffice not found on PATH): install the Debian package "
                    + "libreoffice-writer-nogui (and libreoffice-calc-nogui for spreadsheets)."
            case .noChineseFont:
                "No Chinese font is installed, so every Chinese character would print as a box: install the Debian "
                    + "package fonts-noto-cjk."
            case .timedOut(let seconds):
                "LibreOffice did not finish within \(seconds) seconds and was stopped."
            case .failed(let status, let output):
                "LibreOffice failed (exit \(status)): \(output.trimmingCharacters(in: .whitespacesAndNewlines))"
            }
        }
    }

    /// The longest a conversion may take.
    public var timeoutSeconds: Int
    /// Where to look for `soffice` and `fc-list`, as in PATH.
    public var searchPath: String

    public init(timeoutSeconds: Int = 120,
                searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") {
        self.timeoutSeconds = timeoutSeconds
        self.searchPath = searchPath
    }

    /// Converts one document given as bytes; `fileExtension` is its type (`docx`, `xlsx`), `format` the target.
    public func convert(_ data: Data, fileExtension: String, to format: String = "pdf") throws -> Data {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let input = workspace.directory.appendingPathComponent("document.\(fileExtension)")
        try data.write(to: input)
        let outputs = try convert([input], to: format, in: workspace)
        return try Data(contentsOf: outputs[0])
    }

    /// Converts several files in one LibreOffice run (much cheaper than one run each) into `directory`; returns
    /// the output files in the order of the inputs.
    public func convert(_ files: [URL], to format: String, outputDirectory directory: URL) throws -> [URL] {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let produced = try convert(files, to: format, in: workspace)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try produced.map { file in
            let target = directory.appendingPathComponent(file.lastPathComponent)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: file, to: target)
            return target
        }
    }

    private func convert(_ files: [URL], to format: String, in workspace: Workspace) throws -> [URL] {
        guard let soffice = executable(named: ["soffice", "libreoffice"]) else {
            throw ConversionError.notInstalled
        }
        let environment = try workspace.fontEnvironment()
        guard try hasChineseFont(environment: environment, workspace: workspace) else {
            throw ConversionError.noChineseFont
        }
        let outputDirectory = workspace.directory.appendingPathComponent("out")
        let arguments = ["--headless", "--norestore", "--nolockcheck",
                         "-env:UserInstallation=" + workspace.directory.appendingPathComponent("profile").absoluteString,
                         "--convert-to", format, "--outdir", outputDirectory.path] + files.map(\.path)
        let (status, output) = try run(soffice, arguments, environment: environment, workspace: workspace)
        let outputs = files.map {
            outputDirectory.appendingPathComponent($0.deletingPathExtension().lastPathComponent + "." + format)
        }
        guard status == 0, outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ConversionError.failed(status: status, output: output)
        }
        return outputs
    }

    private func hasChineseFont(environment: [String: String], workspace: Workspace) throws -> Bool {
        guard let fcList = executable(named: ["fc-list"]) else { return true }
        let (_, output) = try run(fcList, [":lang=zh", "family"], environment: environment, workspace: workspace)
        return !output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Runs a program to completion or the timeout; returns its status and combined output.
    private func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                     workspace: Workspace) throws -> (Int32, String) {
        let log = workspace.directory.appendingPathComponent("output-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw ConversionError.timedOut(seconds: timeoutSeconds)
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }

    /// The first of the names found on the search path.
    func executable(named names: [String]) -> URL? {
        for name in names {
            for directory in searchPath.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}

/// A private temporary directory for one conversion: the input, the LibreOffice profile, the font configuration
/// and the output.
private struct Workspace {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// The process environment with `FONTCONFIG_FILE` pointing at the system configuration plus aliases that map the
    /// official faces (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312…) to installed faces of the same kind.
    func fontEnvironment() throws -> [String: String] {
        let file = directory.appendingPathComponent("fonts.conf")
        try Data(FontAliases.configuration.utf8).write(to: file)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = file.path
        environment["HOME"] = directory.path
        return environment
    }
}
