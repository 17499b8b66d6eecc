import Foundation

/// Runs a program to completion and captures what it printed, for tests that drive real tools.
public struct Command {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs `executable` (a path, or a name looked up on PATH) with arguments, and with `environment` added to this
    /// process's environment; `input`, when given, is its standard input.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           input: String? = nil) throws -> Command {
        let process = Process()
        process.executableURL = executable.contains("/") ? URL(fileURLWithPath: executable) : find(executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        // stdout through a pipe read to its end; stderr to a file, so neither can fill up and block the other.
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        if let input, let inputPipe {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Command(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    /// Whether a program is on PATH.
    public static func isAvailable(_ name: String) -> Bool { find(name) != nil }

    private static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether the tests that edit workbooks with Python's openpyxl run: in CI (which installs it) or where present.
    public static var openpyxlEnabled: Bool {
        ProcessInfo.processInfo.environment["CI"] != nil
            || ((try? run("python3", ["-c", "import openpyxl"]).status) == 0)
    }

    /// Whether the tests that need LibreOffice and poppler run: always in CI (where `.ci/run` installs them, so a
    /// missing tool fails loudly), elsewhere when they are installed.
    public static var officeToolsEnabled: Bool {
        ProcessInfo.processInfo.environment["CI"] != nil
            || (isAvailable("soffice") && isAvailable("pdftotext") && isAvailable("pdfinfo"))
    }
}
