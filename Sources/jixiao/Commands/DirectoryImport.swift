import ArgumentParser
import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// `jixiao import DIR|ZIP`: every bundle (.json) and workbook (.xlsx) in a directory — or anywhere in a ZIP
/// archive — into the store, `jobs` at a time, each department-year in its own transaction, so one bad file stops
/// nothing else. A year already in the store is skipped (replaced with `--replace`), which makes a run that was
/// stopped resumable: run it again. Every failure is listed at the end with its file (its path in the archive) and
/// each fault's path or cell.
struct DirectoryImport {
    /// A file to import, and the name it is listed under.
    struct Source {
        let name: String
        let file: URL
    }

    /// What the files came from, for the message when it holds none.
    let origin: String
    let sources: [Source]
    let replace: Bool
    let jobs: Int
    let store: StoreOptions

    /// Whether a file name is one to import.
    static func imports(_ name: String) -> Bool {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        return ["json", "xlsx"].contains((file as NSString).pathExtension.lowercased()) && !file.hasPrefix(".")
            && !name.hasPrefix("__MACOSX/")
    }

    /// The bundles and workbooks directly in a directory, by name.
    static func directory(_ directory: URL) throws -> [Source] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { imports($0.lastPathComponent) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { Source(name: $0.lastPathComponent, file: $0) }
    }

    /// What became of one file.
    enum Outcome: Sendable {
        case imported
        case skipped
        case failed(String)
    }

    func run() async throws {
        let files = sources
        guard !files.isEmpty else {
            Terminal.error("\(origin)：其中没有数据包（.json）或填报工作簿（.xlsx）")
            throw ExitCode(ExitCodes.invalidInput)
        }
        let (replace, jobs) = (replace, jobs)
        let outcomes = try await store.withStore { database in
            let progress = ProgressReporter(total: files.count, what: "导入")
            let outcomes = await concurrently(files.count, jobs: jobs, finished: { outcome in
                if case .failed = outcome { progress.advance(failed: true) } else { progress.advance() }
            }) { index in
                await Self.importFile(files[index].file, replace: replace, on: database)
            }
            progress.finish()
            return outcomes
        }
        let imported = outcomes.filter { if case .imported = $0 { true } else { false } }.count
        let skipped = outcomes.filter { if case .skipped = $0 { true } else { false } }.count
        let failures = zip(files, outcomes).compactMap { source, outcome -> (String, String)? in
            if case .failed(let reason) = outcome { (source.name, reason) } else { nil }
        }
        Terminal.output("已导入 \(imported) 个文件" + (skipped > 0 ? "，\(skipped) 个部门年度已在库中，跳过（覆盖时加 --replace）" : "")
            + (failures.isEmpty ? "。" : "，\(failures.count) 个文件未导入："))
        for (name, reason) in failures { Terminal.error(name + "：" + reason) }
        if !failures.isEmpty { throw ExitCode(ExitCodes.invalidInput) }
    }

    /// One file read by the bundle or workbook reader and stored in its own transaction.
    private static func importFile(_ file: URL, replace: Bool, on database: any Database) async -> Outcome {
        do {
            let year = file.pathExtension.lowercased() == "xlsx" ? try WorkbookImport().read(file)
                : try BundleReader().read(file)
            try await YearRepository(database: database).store(year, replacing: replace, actor: "cli")
            return .imported
        } catch is YearRepository.YearExists {
            return .skipped
        } catch let error as InputError {
            return .failed("发现 \(error.issues.count) 处问题\n" + error.chineseLines.map { "  " + $0 }.joined(separator: "\n"))
        } catch {
            return .failed(String(describing: error))
        }
    }
}
