import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// A payment export added to a stored year: every row checked first (a pass that keeps nothing in memory), then —
/// only when all are right — a second pass loading them (``PaymentRows``: COPY on PostgreSQL) inside one transaction,
/// with their days' totals and one audit entry. Memory stays that of one batch whatever the file's size.
public struct PaymentImport: Sendable {
    public let database: any Database
    public let reader: PaymentCSVReader

    public init(database: any Database, reader: PaymentCSVReader = PaymentCSVReader()) {
        self.database = database
        self.reader = reader
    }

    /// Checks and imports `file` into the fiscal year; returns the check's summary. Nothing is written unless the
    /// summary has no issues. `replacing` removes the year's existing payments first.
    public func importCSV(_ file: URL, into fiscal: FiscalYearModel, replacing: Bool, subject: String,
                          actor: AuditActor) async throws -> PaymentCSVReader.Summary {
        let yearID = try fiscal.requireID()
        let lines = Set(try await BudgetLineRepository(database: database).lines(yearID: yearID).map(\.code))
        let check = try reader.batches(file, lines: lines, year: fiscal.year)
        while try check.next() != nil {}
        let summary = check.summary
        guard summary.issueCount == 0 else { return summary }
        let reader = reader
        try await YearChange.commit(claiming: yearID, kind: .payments, actor: actor, on: database) { database in
            if replacing {
                try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == yearID).delete()
                try await PaymentDays.removeAll(yearID: yearID, on: database)
            }
            let position = try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                .max(\.$position).map { $0 + 1 } ?? 0
            let stream = try reader.batches(file, lines: lines, year: fiscal.year)
            try await PaymentRows.insert(yearID: yearID, startingAt: position, on: database, batches: stream.next)
                .write(yearID: yearID, on: database)
            return .init((), yearID: yearID, audit: .init(
                action: replacing ? "payments.replace" : "payments.import", subject: subject,
                after: "\(summary.accepted) payments from \(file.lastPathComponent)"))
        }
        return summary
    }
}
