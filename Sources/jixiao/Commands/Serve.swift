import ArgumentParser
import Foundation
import JixiaoStore
import JixiaoWeb
import Logging
import Vapor

/// `jixiao serve`: the web application.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the web application.",
        discussion: "With --demo the store holds the demo department (compiled into the program) and one account per "
            + "role, printed with a password made for this run; the store is --database when given, else a fresh "
            + "temporary SQLite file removed when the server stops. Without --demo, add users with `jixiao user add`.")

    @OptionGroup var store: StoreOptions

    @ArgumentParser.Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @ArgumentParser.Option(help: "The port to listen on.")
    var port = 8080

    @ArgumentParser.Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @ArgumentParser.Flag(help: "Cookies for HTTPS only, and HSTS on every answer: for a server behind an HTTPS proxy (also JIXIAO_SECURE_COOKIES=1).")
    var secureCookies = false

    @ArgumentParser.Flag(help: "Trust the reverse proxy's X-Forwarded-For for the client's address (also JIXIAO_BEHIND_PROXY=1); only when nothing reaches the server but through the proxy.")
    var behindProxy = false

    @ArgumentParser.Flag(help: "Start on a fresh demo database with the demo department and accounts.")
    var demo = false

    @ArgumentParser.Option(help: "A bundle --demo loads instead of the built-in demo department.",
                           completion: .file(extensions: ["json"]))
    var demoBundle: String?

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("Unknown --log-level \(logLevel).") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var location = store.location
        // A demo without --database runs on a directory of its own, and only that directory is removed at the end.
        var demoDirectory: URL?
        if demo, store.sqliteFile == nil, case .sqliteFile = location {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
            demoDirectory = directory
            location = .sqliteFile(directory.appendingPathComponent("demo.sqlite").path)
        }
        defer { if let demoDirectory { try? FileManager.default.removeItem(at: demoDirectory) } }
        let environment = Environment(name: "production", arguments: ["jixiao", "serve", "--hostname", hostname,
                                                                       "--port", String(port)])
        let app = try await Application.make(environment)
        do {
            let environment = ProcessInfo.processInfo.environment
            let settings = WebSettings(secureCookies: secureCookies || environment["JIXIAO_SECURE_COOKIES"] == "1",
                                       behindProxy: behindProxy || environment["JIXIAO_BEHIND_PROXY"] == "1")
            try await JixiaoApp.configure(app, location: location, settings: settings)
            var notice = ["数据库：\(location.description)"]
            if demo {
                // The app's own bcrypt cost, so that a demo sign-in costs what a real one does (and an unknown name
                // the same).
                let (accounts, password) = try await DemoData.load(
                    on: app.db, bundle: demoBundle.map { URL(fileURLWithPath: $0) }, cost: settings.bcryptCost)
                notice.append("演示账号（密码均为 \(password)，仅本次启动有效）：")
                notice += accounts.map { "  \($0.username)\t\($0.role.chinese)" }
            }
            notice.append("打开 http://\(hostname):\(port)/ 登录。按 Ctrl-C 停止。")
            // Started first, so that what a newcomer needs comes after the start-up log, where it cannot be missed.
            try await app.startup()
            Terminal.output(Self.boxed(notice))
            try await app.running?.onStop.get()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Lines framed by a double rule above and below, each marked at its start.
    static func boxed(_ lines: [String]) -> String {
        let rule = String(repeating: "═", count: 60)
        return (["╔" + rule] + lines.map { "║ " + $0 } + ["╚" + rule]).joined(separator: "\n")
    }
}
