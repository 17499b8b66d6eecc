import ArgumentParser
import Foundation
import JixiaoStore

/// `jixiao backup FILE`: a consistent copy of the SQLite store, taken while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the SQLite store to a new file while it is in use.",
        discussion: "For PostgreSQL use pg_dump (docs/operations.md).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The backup file to create.")
    var file: String

    func run() async throws {
        let file = file
        do {
            try await store.withStore { try await Backup.sqlite(on: $0, to: file) }
        } catch let error as Backup.BackupError {
            Terminal.error(error.description)
            throw ExitCode(ExitCodes.invalidInput)
        }
        Terminal.output("已备份到 \(file)")
    }
}
