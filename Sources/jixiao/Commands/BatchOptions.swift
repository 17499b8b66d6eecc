import ArgumentParser
import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// `--all --year Y`: every department of a year in the store instead of one bundle — for the commands a finance
/// bureau runs over a whole province. Departments are read and worked on `--jobs` at a time.
struct BatchOptions: ParsableArguments {
    @Flag(help: "Every department of --year in the store instead of one bundle.")
    var all = false

    @Option(help: "The year to work on (with --all).")
    var year: Int?

    @Option(help: "How many departments are worked on at once (with --all; default: the number of processors).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var store: StoreOptions

    /// One bundle, or --all with a year: never both, never neither.
    func validate(bundle: String?) throws {
        switch (bundle, all) {
        case (nil, false): throw ValidationError("Give a bundle or workbook, or --all --year YEAR for every department in the store.")
        case (.some, true): throw ValidationError("Give either a bundle or --all, not both.")
        case (nil, true) where year == nil: throw ValidationError("--all needs --year YEAR.")
        default: break
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    /// A department that could not be worked on, and why.
    struct Failure: Error {
        let code: String
        let reason: String
    }

    /// Runs `body` with the store's departments of the year.
    func withYear<T: Sendable>(_ body: @Sendable (Departments) async throws -> T) async throws -> T {
        let year = self.year ?? 0
        let jobs = self.jobs
        return try await store.withStore { database in
            let codes = try await YearRepository(database: database).listed(year: year).map(\.code)
            return try await body(Departments(database: database, year: year, codes: codes, jobs: jobs))
        }
    }

    /// The departments of one year in the store, read and transformed a number at a time.
    struct Departments: Sendable {
        let database: any Database
        let year: Int
        /// Every department's code, in order.
        let codes: [String]
        let jobs: Int

        /// How many departments are read from the store together (a query a table for them all).
        static let batch = 100

        /// Each of `codes` read from the store and transformed, `jobs` batches at once; the results in the order of
        /// `codes`, a failure (unreadable stored data, a transform's error) in place of a result.
        func map<T: Sendable>(_ codes: [String], progress: ProgressReporter,
                              _ transform: @escaping @Sendable (DepartmentYear) throws -> T) async -> [Result<T, Failure>] {
            let batches = stride(from: 0, to: codes.count, by: Self.batch).map {
                Array(codes[$0..<min(codes.count, $0 + Self.batch)])
            }
            return await concurrently(batches.count, jobs: jobs, finished: { (results: [Result<T, Failure>]) in
                for result in results {
                    if case .failure = result { progress.advance(failed: true) } else { progress.advance() }
                }
            }) { [database, year] index in
                let batch = batches[index]
                let years: [String: Result<DepartmentYear, any Error>]
                do {
                    years = try await YearRepository(database: database).loadAll(codes: batch, year: year)
                } catch {
                    return batch.map { Result<T, Failure>.failure(Failure(code: $0, reason: String(describing: error))) }
                }
                return batch.map { code -> Result<T, Failure> in
                    guard let loaded = years[code] else { return .failure(Failure(code: code, reason: "库中没有 \(year) 年数据")) }
                    do {
                        return .success(try transform(try loaded.get()))
                    } catch let error as InputError {
                        return .failure(Failure(code: code, reason: error.chineseLines.joined(separator: "；")))
                    } catch {
                        return .failure(Failure(code: code, reason: String(describing: error)))
                    }
                }
            }.flatMap { $0 }
        }
    }
}

extension Array where Element == BatchOptions.Failure {
    /// Prints every failure with its department, and exits with 2 when there was any.
    func report(what: String, of total: Int) throws {
        guard !isEmpty else { return }
        Terminal.error("\(count)/\(total) 个部门未能\(what)：")
        for failure in self { Terminal.error("  \(failure.code)：\(failure.reason)") }
        throw ExitCode(ExitCodes.invalidInput)
    }
}
