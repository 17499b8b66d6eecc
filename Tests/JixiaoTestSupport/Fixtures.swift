import Foundation
import JixiaoIO

/// Files the tests read: the package's examples, test fixtures and golden files, found from this source file.
public enum Fixtures {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An example bundle under `examples/`.
    public static func example(_ name: String) -> URL {
        root.appendingPathComponent("examples").appendingPathComponent(name)
    }

    /// The seed department's 2022 bundle: the department with its three projects.
    public static var seed: URL { example("hp-kexie-2022.json") }

    /// The seed bundle as JSON, for tests that change a part of it.
    public static func seedJSON() throws -> JSONValue {
        try JSONParser.parse(try Data(contentsOf: seed))
    }

    /// Every example bundle, by file name.
    public static var examples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    /// A file under `Tests/Fixtures/`.
    public static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// Compares generated text with a golden file under `Tests/JixiaoReportTests/Golden/`; with `UPDATE_GOLDEN=1`
    /// in the environment the golden file is rewritten instead. Returns whether they match.
    public static func matchesGolden(_ text: String, named name: String) throws -> Bool {
        let file = root.appendingPathComponent("Tests/JixiaoReportTests/Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
            return true
        }
        return try String(contentsOf: file, encoding: .utf8) == text
    }
}
