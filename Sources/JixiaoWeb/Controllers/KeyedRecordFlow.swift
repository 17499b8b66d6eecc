import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// A form over one keyed record of a year — an indicator, a work-plan task.
protocol KeyedRecordForm: Content {
    var id: String? { get }
    var version: Int? { get }
    /// The bundle entry (with `fixedID` for a record that exists) and the faults the form finds by itself.
    func entry(id fixedID: String?) -> (JSONValue, FieldErrors)
}

extension IndicatorForm: KeyedRecordForm {}
extension TaskForm: KeyedRecordForm {}

/// What a repository's refusal means to the pages.
enum KeyedRecordRefusal {
    /// No record with the id (404).
    case missing
    /// Changed by someone else since it was read (409).
    case conflict
    /// Another record of the year has the id (shown beside the id).
    case duplicateID
    /// Refused for a reason of its own (409 with the reason).
    case refused(String)
}

/// The form flow an indicator and a work-plan task share: the edit form of a stored record, the save that checks
/// the form and the whole year and shows the form again with every fault at once (or the latest record after a
/// conflict), and the pages' answers to a repository's refusals. What differs is given.
struct KeyedRecordFlow<Form: KeyedRecordForm, Record> {
    /// `指标`, `任务`.
    let noun: String
    /// The field beside which a fault without a field of its own is shown.
    let fallbackField: String
    /// The list a saved record is shown in, and the prefix of its anchor there (`indicator-`).
    let list: @Sendable (_ code: String, _ year: Int) -> SiteURL
    let anchor: String
    let find: @Sendable (DepartmentYear, _ id: String) -> Record?
    let form: @Sendable (Record, _ version: Int?) -> Form
    let versions: @Sendable (StoreDatabase, _ yearID: UUID) async throws -> [String: Int]
    let refusal: @Sendable (any Error) -> KeyedRecordRefusal?
    let page: @Sendable (YearContext, DepartmentYear, Form, _ existing: String?, FieldErrors, _ message: String?,
                         Request, HTTPResponseStatus) -> Response

    /// The form of the record named by the route's `id`, at its stored version.
    func editForm(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        let (_, year) = try await request.visibleYear()
        let id = request.parameters.get("id") ?? ""
        let record = try self.record(id, in: year)
        let version = try await versions(request.db, context.yearID)[id]
        return page(context, year, form(record, version), id, FieldErrors(), nil, request, .ok)
    }

    /// Checks the form and the year with the entry in it, stores it when both are right (`store` is told to check
    /// only while the form has faults of its own) and answers with the list — or the form again.
    func save(_ request: Request, _ context: YearContext, form typed: Form, existing: String?,
              store: (JSONValue, _ checkOnly: Bool) async throws -> Void) async throws -> Response {
        let (entry, formErrors) = typed.entry(id: existing)
        var errors = formErrors
        do {
            try await store(entry, !formErrors.isEmpty)
            if formErrors.isEmpty {
                let id = entry["id"]?.string ?? existing ?? ""
                return request.redirect(to: list(context.organisation.code, context.fiscal.year).path + "#\(anchor)\(id)")
            }
        } catch let error as InputError {
            errors = FieldErrors.reader(error, adding: formErrors, fallback: fallbackField)
        } catch {
            switch refusal(error) {
            case .duplicateID?: errors["id"] = "本年度已有编号为“\(typed.id ?? "")”的\(noun)"
            case .conflict?:
                let fresh = try await request.visibleYear().1
                let id = existing ?? ""
                let record = try self.record(id, in: fresh)
                let version = try await versions(request.db, context.yearID)[id]
                return page(context, fresh, form(record, version), id, FieldErrors(),
                            "这项\(noun)在您打开页面后已被他人修改，下面是最新内容；请重新填写后保存。", request, .conflict)
            case .missing?: throw Abort(.notFound, reason: "没有编号为 \(existing ?? "") 的\(noun)。")
            case .refused(let reason)?: throw Abort(.conflict, reason: reason)
            case nil: throw error
            }
        }
        return page(context, try await request.visibleYear().1, typed, existing, errors,
                    "有 \(errors.count) 处需要改正。", request, .unprocessableEntity)
    }

    /// Runs a change of the record `id` (remove, move), the repository's refusals answered as pages: 404, 409, 422.
    func refusals(_ id: String, _ change: () async throws -> Void) async throws {
        do {
            try await change()
        } catch let error as InputError {
            throw Abort(.unprocessableEntity, reason: error.chineseDescription)
        } catch {
            switch refusal(error) {
            case .missing?: throw Abort(.notFound, reason: "没有编号为 \(id) 的\(noun)。")
            case .conflict?: throw Abort(.conflict, reason: "这项\(noun)在您打开页面后已被他人修改，请返回重新打开。")
            case .refused(let reason)?: throw Abort(.conflict, reason: reason)
            case .duplicateID?, nil: throw error
            }
        }
    }

    private func record(_ id: String, in year: DepartmentYear) throws -> Record {
        guard let record = find(year, id) else { throw Abort(.notFound, reason: "没有编号为 \(id) 的\(noun)。") }
        return record
    }
}
