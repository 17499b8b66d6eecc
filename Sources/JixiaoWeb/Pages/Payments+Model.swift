import Foundation
import JixiaoCore
import JixiaoStore

/// The payments page: a filtered page of payments, the totals, and the form to add one.
struct PaymentsModel {
    struct Row {
        let id: UUID
        let line: String
        let date: String
        let amount: String
        let payee: String
        let voucher: String
        let memo: String
    }

    let code: String
    let name: String
    let year: Int
    let lines: [(code: String, name: String)]
    /// The year's projects, to narrow the list to one.
    let projects: [ProjectLines]
    /// The project the list is narrowed to.
    let project: String?
    let filter: PaymentRepository.Filter
    let rows: [Row]
    let matching: Int
    let total: String
    let page: Int
    let pages: Int
    let mayChange: Bool

    static let pageSize = 50
}
