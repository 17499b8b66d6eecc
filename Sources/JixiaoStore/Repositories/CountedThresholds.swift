import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// Keeps the stored evaluation snapshots counted by the thresholds in force: the store remembers a fingerprint of
/// the thresholds its findings counts were made by (the `settings` row `findings.thresholds`), and when the bureau's
/// settings file says otherwise, every stored year is evaluated again before anything is served.
enum CountedThresholds {
    static let key = "findings.thresholds"

    /// Evaluates every stored year again when `thresholds` are not the ones the snapshots were counted by; the
    /// number of years evaluated. A store that never recorded any was counted by the defaults.
    @discardableResult
    static func keep(_ thresholds: FindingThresholds, on database: any Database,
                     progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Int {
        let wanted = fingerprint(thresholds)
        let stored = try await SettingModel.find(key, on: database)?.value
        guard stored != wanted, stored != nil || thresholds != FindingThresholds() else {
            if stored == nil { try await SettingModel(key: key, value: wanted).create(on: database) }
            return 0
        }
        let years = try await FiscalYearModel.query(on: database).all().map { try $0.requireID() }
        for (done, yearID) in years.enumerated() {
            try await YearChange.writing(on: database) { database in
                try await YearChange.claim(yearID, on: database)
                try await EvaluationSnapshots.refresh(yearID: yearID, on: database)
            }
            progress(done + 1, years.count)
        }
        try await SettingModel.query(on: database).filter(\.$id == key).delete()
        try await SettingModel(key: key, value: wanted).create(on: database)
        return years.count
    }

    /// FNV-1a over the thresholds' summary: stable between runs and releases.
    static func fingerprint(_ thresholds: FindingThresholds) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in FindingChecksFile.summary(thresholds).utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(Int64(bitPattern: hash))
    }
}
