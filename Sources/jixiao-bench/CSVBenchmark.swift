import Foundation
import JixiaoCore
import JixiaoIO

/// CSV payment import of generated rows, beside `sqlite3`'s `.import` of the same file into a table (the floor for a
/// plain load) and Python's `csv` module reading it.
enum CSVBenchmark {
    static func run(rows: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-csv-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let utf8 = directory.appendingPathComponent("payments-utf8.csv")
        let gb18030 = directory.appendingPathComponent("payments-gb18030.csv")
        try generate(rows: rows, to: utf8)
        guard shell("iconv -f UTF-8 -t GB18030 '\(utf8.path)' > '\(gb18030.path)'") != nil else {
            print("iconv not available: no GB18030 file")
            return
        }
        let size = (try FileManager.default.attributesOfItem(atPath: utf8.path)[.size] as? Int) ?? 0
        print("CSV import: \(rows) payment rows, \(size / 1_048_576) MiB (UTF-8)")

        let template = TemplateCatalog.builtIn.template(id: "national-project-2020")!
        let lines = (0..<50).map { "L\($0)" }
        let year = DepartmentYear(year: 2022, template: template, department: Department(code: "B", name: "基准"),
                                  budgetLines: lines.map {
                                      BudgetLine(code: $0, name: $0, kind: .project, initial: .zero, adjusted: .zero)
                                  })
        var results: [(String, Double)] = []
        for (label, file) in [("jixiao read + check (UTF-8)", utf8), ("jixiao read + check (GB18030)", gb18030)] {
            let seconds = try time {
                let summary = try PaymentCSVReader().read(file, lines: Set(lines), year: 2022) { _ in }
                precondition(summary.accepted == rows, "\(summary.issues.prefix(3))")
            }
            results.append((label, seconds))
        }
        let bundle = directory.appendingPathComponent("bundle.json")
        results.append(("jixiao import into bundle (GB18030)", try time {
            let writer = try BundleStreamWriter(year, to: bundle)
            _ = try PaymentCSVReader().read(gb18030, lines: Set(lines), year: 2022, accept: writer.append)
            try writer.finish()
        }))
        if let seconds = timed("sqlite3 :memory: -cmd '.mode csv' '.import \(utf8.path) payments'") {
            results.append(("sqlite3 .import (UTF-8)", seconds))
        }
        if let seconds = timed("python3 -c \"import csv,sys; n=sum(1 for _ in csv.reader(open(sys.argv[1], "
            + "encoding='gb18030', newline=''))); print(n)\" '\(gb18030.path)'") {
            results.append(("python3 csv.reader (GB18030)", seconds))
        }
        let floor = results.first { $0.0.hasPrefix("sqlite3") }?.1
        for (label, seconds) in results {
            let ratio = floor.map { String(format: "  %.2f× sqlite3", seconds / $0) } ?? ""
            print(String(format: "  %-38@ %7.2f s  %9.0f rows/s", label as NSString, seconds, Double(rows) / seconds)
                + ratio)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("  peak resident memory of this process: \(usage.ru_maxrss / 1024) MiB")
    }

    /// Rows shaped like a budget system's export: quoted payees with commas, thousands separators, mixed dates.
    private static func generate(rows: Int, to file: URL) throws {
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var generator = SplitMix(seed: 7)
        var buffer = "支付日期,支付金额,预算项目编码,收款单位,支付凭证号,摘要\n"
        for index in 0..<rows {
            let month = 1 + Int(generator.next() % 12)
            let day = 1 + Int(generator.next() % 28)
            let fen = 100 + Int(generator.next() % 100_000_000)
            let date = index % 2 == 0 ? "2022-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                : "2022/\(month)/\(day)"
            let yuan = fen / 100
            let amount = yuan >= 1000 ? "\"\(yuan / 1000),\(String(format: "%03d", yuan % 1000)).\(String(format: "%02d", fen % 100))\""
                : "\(yuan).\(String(format: "%02d", fen % 100))"
            buffer += "\(date),\(amount),L\(generator.next() % 50),\"供应商\(index % 997),有限公司\",PZ\(index),办公用品采购\n"
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
    }

    private static func time(_ body: () throws -> Void) throws -> Double {
        let duration = try ContinuousClock().measure(body)
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The wall time of a shell command, or nil when it fails (the tool is missing).
    private static func timed(_ command: String) -> Double? {
        var status: Int32 = 0
        let seconds = try? time { status = shell(command).map { _ in 0 } ?? 1 }
        return status == 0 ? seconds : nil
    }

    @discardableResult
    private static func shell(_ command: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
