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
        discussion: "With --demo the store is a fresh SQLite file holding the demo department, and one account per "
            + "role is printed with a password made for this run. Without it, add users with `jixiao user add`.")

    @OptionGroup var store: StoreOptions

    @ArgumentParser.Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @ArgumentParser.Option(help: "The port to listen on.")
    var port = 8080

    @ArgumentParser.Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @ArgumentParser.Flag(help: "Start on a fresh demo database with the demo department and accounts.")
    var demo = false

    @ArgumentParser.Option(help: "The bundle loaded by --demo.", completion: .file(extensions: ["json"]))
    var demoBundle = "examples/hp-kexie-2022.json"

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
        if demo, case .sqliteFile = location {
            location = .sqliteFile("jixiao-demo.sqlite")
            try? FileManager.default.removeItem(atPath: "jixiao-demo.sqlite")
        }
        let environment = Environment(name: "production", arguments: ["jixiao", "serve", "--hostname", hostname,
                                                                       "--port", String(port)])
        let app = try await Application.make(environment)
        do {
            try await JixiaoApp.configure(app, location: location)
            Terminal.output("数据库：\(location.description)")
            if demo {
                let (accounts, password) = try await DemoData.load(on: app.db, bundle: URL(fileURLWithPath: demoBundle),
                                                                   cost: 10)
                Terminal.output("演示账号（密码均为 \(password)，仅本次启动有效）：")
                for account in accounts { Terminal.output("  \(account.username)\t\(account.role.chinese)") }
            }
            Terminal.output("打开 http://\(hostname):\(port)/ 登录。按 Ctrl-C 停止。")
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
