import Foundation

/// The peer measured beside Jixiao: Python's `json` module reading the same bundle, exact `Decimal` sums per line,
/// the execution rate and a positive-formula score per indicator — the script a clerk's IT colleague would write.
/// It does far less than Jixiao (no validation, no findings, no report), so the ratio is an upper bound on our cost.
enum PythonPeer {
    static let script = #"""
    import json, sys, time
    from decimal import Decimal
    path, runs = sys.argv[1], int(sys.argv[2])
    best = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(path, encoding="utf-8") as f:
            bundle = json.load(f, parse_float=Decimal)
        paid = {}
        for p in bundle["payments"]:
            paid[p["line"]] = paid.get(p["line"], Decimal(0)) + Decimal(str(p["amount"]))
        adjusted = sum(Decimal(str(l["adjusted"])) for l in bundle["budget"]["lines"])
        executed = sum(paid.values())
        rate = executed / adjusted
        total = min(rate, Decimal(1)) * 10
        for i in bundle["indicators"]:
            if "actual" in i and i.get("nature") == "quantitative":
                a, t, w = Decimal(i["actual"]), Decimal(i["target"]), Decimal(i["weight"])
                total += w * min(a / t, Decimal(1)) if t else w
        best.append(time.perf_counter() - start)
    best.sort()
    print(f"{best[len(best) // 2] * 1000:.1f}")
    """#

    /// The median milliseconds of `runs` runs on the file, or nil when python3 is not available.
    static func medianMilliseconds(file: URL, runs: Int) -> Double? {
        Python.medianMilliseconds(script: script, arguments: [file.path, String(runs)])
    }
}

/// Runs a peer script with python3; the script prints its own median milliseconds.
enum Python {
    static func medianMilliseconds(script: String, arguments: [String]) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
