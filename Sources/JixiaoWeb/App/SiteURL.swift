/// Every path of the site, so routes and links come from one place and a renamed page leaves no dead link.
public enum SiteURL: Sendable, Equatable {
    case home
    case signIn
    case signOut
    /// The second step of signing in: the dynamic code.
    case signInSecondFactor
    case health
    case readiness
    case audit
    /// The audit trail as a CSV file.
    case auditCSV
    /// 我的账号: password and second factor.
    case account
    case accountPassword
    case accountSecondFactor
    case accountSecondFactorRemove
    /// 用户管理 (系统管理员).
    case adminUsers
    /// An action on one account: `disable`, `enable`, `remove`, `reset-password`, `reset-second-factor`.
    case adminUser(username: String, action: String)
    /// 安全策略 (安全管理员).
    case securityPolicy
    case importData
    /// Confirms replacing a stored year with an upload.
    case importConfirm
    /// 运行监控总览: every department of a year on a date.
    case monitoringOverview
    /// 运行监控总览 as a CSV file with every department.
    case monitoringOverviewCSV
    case year(code: String, year: Int)
    case report(code: String, year: Int, format: String)
    /// The stored year with its evidence as one ZIP, to keep or import elsewhere.
    case bundleArchive(code: String, year: Int)
    /// The stored year as the fill-in workbook (填报工作簿), to edit and import back.
    case workbook(code: String, year: Int)
    case evaluation(code: String, year: Int)
    case indicators(code: String, year: Int)
    /// 新增指标.
    case indicatorNew(code: String, year: Int)
    /// 修改指标.
    case indicatorEdit(code: String, year: Int, id: String)
    /// A step on one indicator: `delete`, `move`.
    case indicatorAction(code: String, year: Int, id: String, action: String)
    case narrative(code: String, year: Int)
    /// 佐证材料: the year's evidence files.
    case evidence(code: String, year: Int)
    /// One evidence file (download; `/delete` removes it).
    case evidenceFile(code: String, year: Int, id: UUID)
    /// 基本情况: overview, key tasks, overall goal.
    case basics(code: String, year: Int)
    case records(code: String, year: Int, kind: String)
    case monitoring(code: String, year: Int)
    /// The monitoring table (绩效运行监控表) as a download: `html`, `md`, `docx`, `xlsx` or `pdf`.
    case monitoringTable(code: String, year: Int, format: String)
    case workPlan(code: String, year: Int)
    /// 公开: the published self-evaluations, for everyone.
    case publicIndex
    /// One published version's page.
    case publicVersion(code: String, year: Int, version: Int)
    /// One of a published version's files: `report.html`, `report.docx`, `report.pdf`, `report.xlsx`, `score.csv`.
    case publicFile(code: String, year: Int, version: Int, file: String)
    /// One step on several department-years at once (the reviewer's queue).
    case reviewBatch
    /// 送审与审核: the year's review rounds.
    case review(code: String, year: Int)
    /// 目标调整: requests to change approved targets and every target's history.
    case targets(code: String, year: Int)
    /// A step on one request to change a target.
    case targetAdjustment(code: String, year: Int, number: Int)
    /// 自评复核 (bureau): a year's campaign, draw and the departments drawn; nil for the latest year.
    case spotCheck(year: Int?)
    /// The bureau's settings of a year's review campaign.
    case reviewCampaign
    /// A department-year's re-check: its re-scores beside its own.
    case recheck(code: String, year: Int)
    /// The file attached to the re-score of an item.
    case recheckFile(code: String, year: Int, item: String)
    case payments(code: String, year: Int)
    case lines(code: String, year: Int)
    case line(code: String, year: Int, id: UUID)
    case payment(code: String, year: Int, id: UUID)
    case deletePayment(code: String, year: Int, id: UUID)

    /// The path, with its parts percent-encoded.
    public var path: String {
        switch self {
        case .home: "/"
        case .signIn: "/login"
        case .signOut: "/logout"
        case .signInSecondFactor: "/login/second-factor"
        case .health: "/healthz"
        case .readiness: "/readyz"
        case .audit: "/audit"
        case .auditCSV: "/audit.csv"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountSecondFactor: "/account/second-factor"
        case .accountSecondFactorRemove: "/account/second-factor/remove"
        case .adminUsers: "/admin/users"
        case .adminUser(let username, let action): "/admin/users/\(Self.encode(username))/\(action)"
        case .securityPolicy: "/admin/security"
        case .importData: "/import"
        case .importConfirm: "/import/confirm"
        case .monitoringOverview: "/monitoring"
        case .monitoringOverviewCSV: "/monitoring.csv"
        case .year(let code, let year): "/years/\(Self.encode(code))/\(year)"
        case .report(let code, let year, let format): "/years/\(Self.encode(code))/\(year)/report.\(format)"
        case .workbook(let code, let year): "/years/\(Self.encode(code))/\(year)/workbook.xlsx"
        case .bundleArchive(let code, let year): "/years/\(Self.encode(code))/\(year)/bundle.zip"
        case .evaluation(let code, let year): "/years/\(Self.encode(code))/\(year)/evaluation"
        case .indicators(let code, let year): "/years/\(Self.encode(code))/\(year)/indicators"
        case .indicatorNew(let code, let year): "/years/\(Self.encode(code))/\(year)/indicators/new"
        case .indicatorEdit(let code, let year, let id): "/years/\(Self.encode(code))/\(year)/indicators/\(Self.encode(id))/edit"
        case .indicatorAction(let code, let year, let id, let action):
            "/years/\(Self.encode(code))/\(year)/indicators/\(Self.encode(id))/\(action)"
        case .narrative(let code, let year): "/years/\(Self.encode(code))/\(year)/narrative"
        case .basics(let code, let year): "/years/\(Self.encode(code))/\(year)/basics"
        case .evidence(let code, let year): "/years/\(Self.encode(code))/\(year)/evidence"
        case .evidenceFile(let code, let year, let id): "/years/\(Self.encode(code))/\(year)/evidence/\(id.uuidString)"
        case .records(let code, let year, let kind): "/years/\(Self.encode(code))/\(year)/\(kind)"
        case .monitoring(let code, let year): "/years/\(Self.encode(code))/\(year)/monitoring"
        case .monitoringTable(let code, let year, let format):
            "/years/\(Self.encode(code))/\(year)/monitoring/table.\(format)"
        case .workPlan(let code, let year): "/years/\(Self.encode(code))/\(year)/workplan"
        case .reviewBatch: "/review/batch"
        case .publicIndex: "/public"
        case .publicVersion(let code, let year, let version): "/public/\(Self.encode(code))/\(year)/v\(version)"
        case .publicFile(let code, let year, let version, let file):
            "/public/\(Self.encode(code))/\(year)/v\(version)/\(file)"
        case .review(let code, let year): "/years/\(Self.encode(code))/\(year)/review"
        case .targets(let code, let year): "/years/\(Self.encode(code))/\(year)/targets"
        case .targetAdjustment(let code, let year, let number): "/years/\(Self.encode(code))/\(year)/targets/\(number)"
        case .spotCheck(let year): "/review/spot-check" + (year.map { "?year=\($0)" } ?? "")
        case .reviewCampaign: "/review/campaign"
        case .recheck(let code, let year): "/years/\(Self.encode(code))/\(year)/recheck"
        case .recheckFile(let code, let year, let item):
            "/years/\(Self.encode(code))/\(year)/recheck/\(Self.encode(item))/file"
        case .payments(let code, let year): "/years/\(Self.encode(code))/\(year)/payments"
        case .lines(let code, let year): "/years/\(Self.encode(code))/\(year)/lines"
        case .line(let code, let year, let id): "/years/\(Self.encode(code))/\(year)/lines/\(id.uuidString)"
        case .payment(let code, let year, let id): "/years/\(Self.encode(code))/\(year)/payments/\(id.uuidString)"
        case .deletePayment(let code, let year, let id):
            "/years/\(Self.encode(code))/\(year)/payments/\(id.uuidString)/delete"
        }
    }

    private static func encode(_ part: String) -> String {
        part.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? part
    }
}

import Foundation
