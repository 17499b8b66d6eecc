import Foundation

/// How far long work has come, on stderr (stdout stays the command's data): a bar redrawn in place on a terminal,
/// and a plain line at every tenth otherwise (a log, CI), so both a person and a log see it move.
final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let what: String
    private let interactive = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var done = 0
    private var failed = 0
    private var lastDrawn = Date.distantPast

    /// `what` names the work, e.g. `评价`.
    init(total: Int, what: String) {
        self.total = total
        self.what = what
    }

    /// One more item finished (or failed).
    func advance(failed itemFailed: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if itemFailed { failed += 1 }
        if interactive {
            guard done == total || Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
            lastDrawn = Date()
            let width = 30
            let filled = total == 0 ? width : width * done / total
            Terminal.errorPart("\r\(what) [" + String(repeating: "#", count: filled)
                + String(repeating: "-", count: width - filled) + "] \(done)/\(total)"
                + (failed > 0 ? "，失败 \(failed)" : ""))
        } else if total > 0, done * 10 / total != (done - 1) * 10 / total || done == total {
            Terminal.error("\(what)：\(done)/\(total)" + (failed > 0 ? "，失败 \(failed)" : ""))
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if interactive, total > 0 { Terminal.error("") }
    }
}
