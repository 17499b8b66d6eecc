import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// A payment export added to a stored year in one pass: each batch of rows is checked and loaded (``PaymentRows``:
/// COPY on PostgreSQL) inside one transaction, which is rolled back when any row was wrong — so nothing is written
/// unless every row is right, the file is read once, and memory stays that of one batch whatever its size. The days'
/// totals and one audit entry go in the same transaction.
public struct PaymentImport: Sendable {
    public let database: any Database
    public let reader: PaymentCSVReader

    public init(database: any Database, reader: PaymentCSVReader = PaymentCSVReader()) {
        self.database = database
        self.reader = reader
    }

    /// A file with problems: the transaction is undone and its summary given back.
    private struct Refused: Error {
        let summary: PaymentCSVReader.Summary
    }

    /// Checks and imports `file` into the fiscal year; returns the check's summary. Nothing is written unless the
    /// summary has no issues. `replacing` removes the year's existing payments first.
    public func importCSV(_ file: URL, into fiscal: StoredYear, replacing: Bool, subject: String,
                          actor: AuditActor) async throws -> PaymentCSVReader.Summary {
        let yearID = fiscal.id
        let lines = Set(try await BudgetLineRepository(database: database).rows(yearID: yearID).map(\.code))
        let reader = reader
        do {
            return try await YearChange.commit(claiming: yearID, kind: .payments, actor: actor, on: database) { database in
                if replacing {
                    try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == yearID).delete()
                    try await PaymentDays.removeAll(yearID: yearID, on: database)
                }
                let position = try await PaymentModel.query(on: database).filter(\.$fiscalYear.$id == yearID)
                    .max(\.$position).map { $0 + 1 } ?? 0
                let stream = try reader.batches(file, lines: lines, year: fiscal.year)
                let organisationID = fiscal.organisationID
                let tally = try await PaymentRows.insert(yearID: yearID, organisationID: organisationID,
                                                         startingAt: position, on: database, batches: stream.next)
                guard stream.summary.issueCount == 0 else { throw Refused(summary: stream.summary) }
                try await tally.write(yearID: yearID, organisationID: organisationID, on: database)
                return .init(stream.summary, yearID: yearID, audit: .init(
                    action: replacing ? "payments.replace" : "payments.import", subject: subject,
                    after: "\(stream.summary.accepted) payments from \(file.lastPathComponent)"))
            }
        } catch let refused as Refused {
            return refused.summary
        }
    }
}
