import Foundation
import Vapor

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
    /// 部门比较: every department of a year ranked by self-score, execution, findings or unsupported points.
    case comparison
    /// 部门比较 as a CSV file.
    case comparisonCSV
    /// 部门比较 as an Excel workbook.
    case comparisonXLSX
    /// 近三年趋势: a department's rate, score and grade beside the province's medians.
    case trend
    /// 文字雷同: passages of the year's reports copied between departments.
    case similarText
    /// 规则试算: every department of a year re-scored under other rules.
    case whatIf
    /// 规则试算 as a CSV file.
    case whatIfCSV
    /// 单位名录: the bureau's budget units and what it compares them by, uploaded and downloaded as CSV.
    case directory
    /// 单位名录 as a CSV file.
    case directoryCSV
    /// 评价结果应用: the bureau's rule and every department's budget suggestion for next year.
    case results
    /// 评价结果应用 as a CSV file.
    case resultsCSV
    /// 评价结果应用 as an Excel workbook.
    case resultsXLSX
    /// 整改清单: rectification items of a year (every department's for the bureau, its own for a department).
    case rectifications
    /// 整改清单 as a CSV file.
    case rectificationsCSV
    /// Makes a finding of a department-year a rectification item (POST).
    case rectificationAdd(code: String, year: Int)
    /// Changes a rectification item (POST).
    case rectificationUpdate(code: String, year: Int, number: Int)
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
    /// Removes a budget line.
    case lineDelete(code: String, year: Int, id: UUID)
    /// 月度支付计划 of a line.
    case linePlan(code: String, year: Int, id: UUID)
    case payment(code: String, year: Int, id: UUID)
    case deletePayment(code: String, year: Int, id: UUID)
    /// 填报进度 of an indicator.
    case indicatorProgress(code: String, year: Int, id: String)
    /// The work plan's tasks (a new task is posted here).
    case tasks(code: String, year: Int)
    case taskNew(code: String, year: Int)
    case task(code: String, year: Int, id: String)
    case taskDelete(code: String, year: Int, id: String)
    /// Removes an evidence file.
    case evidenceDelete(code: String, year: Int, id: UUID)
    /// The API's OpenAPI document.
    case openAPI
    /// 项目: one project of the year.
    case project(code: String, year: Int, project: String)
    /// A project's 项目支出绩效自评表 as `docx`, `pdf`, `xlsx`, `html` or `md`; project `all` with `xlsx` gives every
    /// project's table in one workbook.
    case projectTable(code: String, year: Int, project: String, format: String)
    /// The form for a new project.
    case projectNew(code: String, year: Int)
    /// The form of a project: its name, owner, lines, template, goal and what was achieved.
    case projectEdit(code: String, year: Int, project: String)
    /// Removes a project (POST).
    case projectDelete(code: String, year: Int, project: String)

    /// A part of a path: fixed text, or the value of a route parameter (`:name` when routes are registered).
    enum Segment: Equatable, ExpressibleByStringLiteral {
        case fixed(String)
        case parameter(String, value: String)

        init(stringLiteral text: String) { self = .fixed(text) }
    }

    /// The path with a query of `items`, each value percent-encoded; items without a value (nil or empty) left out.
    public func path(query items: [(String, String?)]) -> String {
        let kept = items.compactMap { key, value in
            value.flatMap { $0.isEmpty ? nil : "\(key)=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        }
        return path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// The path, with its parameters percent-encoded.
    public var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .fixed(let text): text
            case .parameter(_, let value): Self.encode(value)
            }
        }.joined(separator: "/") + (query.map { "?" + $0 } ?? "")
    }

    /// The route the path matches, its parameters named (`years/:code/:year/evaluation`): what controllers register,
    /// so a link and the route that serves it cannot part.
    var pattern: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    private var query: String? {
        if case .spotCheck(let year?) = self { "year=\(year)" } else { nil }
    }

    private var segments: [Segment] {
        switch self {
        case .home: []
        case .signIn: ["login"]
        case .signOut: ["logout"]
        case .signInSecondFactor: ["login", "second-factor"]
        case .health: ["healthz"]
        case .readiness: ["readyz"]
        case .openAPI: ["api", "v1", "openapi.json"]
        case .audit: ["audit"]
        case .auditCSV: ["audit.csv"]
        case .account: ["account"]
        case .accountPassword: ["account", "password"]
        case .accountSecondFactor: ["account", "second-factor"]
        case .accountSecondFactorRemove: ["account", "second-factor", "remove"]
        case .adminUsers: ["admin", "users"]
        case .adminUser(let username, let action):
            ["admin", "users", .parameter("username", value: username), .parameter("action", value: action)]
        case .securityPolicy: ["admin", "security"]
        case .importData: ["import"]
        case .importConfirm: ["import", "confirm"]
        case .monitoringOverview: ["monitoring"]
        case .monitoringOverviewCSV: ["monitoring.csv"]
        case .comparison: ["compare"]
        case .comparisonCSV: ["compare.csv"]
        case .comparisonXLSX: ["compare.xlsx"]
        case .trend: ["compare", "trend"]
        case .similarText: ["compare", "similar-text"]
        case .whatIf: ["compare", "what-if"]
        case .whatIfCSV: ["compare", "what-if.csv"]
        case .directory: ["compare", "directory"]
        case .directoryCSV: ["compare", "directory.csv"]
        case .results: ["compare", "results"]
        case .resultsCSV: ["compare", "results.csv"]
        case .resultsXLSX: ["compare", "results.xlsx"]
        case .rectifications: ["rectifications"]
        case .rectificationsCSV: ["rectifications.csv"]
        case .rectificationAdd(let code, let year): Self.year(code, year, "rectifications")
        case .rectificationUpdate(let code, let year, let number):
            Self.year(code, year, "rectifications", .parameter("number", value: String(number)))
        case .reviewBatch: ["review", "batch"]
        case .spotCheck: ["review", "spot-check"]
        case .reviewCampaign: ["review", "campaign"]
        case .publicIndex: ["public"]
        case .publicVersion(let code, let year, let version): Self.published(code, year, version)
        case .publicFile(let code, let year, let version, let file):
            Self.published(code, year, version) + [.parameter("file", value: file)]
        case .year(let code, let year): Self.year(code, year)
        case .report(let code, let year, let format): Self.year(code, year, .parameter("file", value: "report.\(format)"))
        case .workbook(let code, let year): Self.year(code, year, .parameter("file", value: "workbook.xlsx"))
        case .bundleArchive(let code, let year): Self.year(code, year, .parameter("file", value: "bundle.zip"))
        case .evaluation(let code, let year): Self.year(code, year, "evaluation")
        case .indicators(let code, let year): Self.year(code, year, "indicators")
        case .indicatorNew(let code, let year): Self.year(code, year, "indicators", "new")
        case .indicatorEdit(let code, let year, let id): Self.year(code, year, "indicators", .id(id), "edit")
        case .indicatorAction(let code, let year, let id, let action):
            Self.year(code, year, "indicators", .id(id), .fixed(action))
        case .indicatorProgress(let code, let year, let id): Self.year(code, year, "indicators", .id(id), "progress")
        case .narrative(let code, let year): Self.year(code, year, "narrative")
        case .basics(let code, let year): Self.year(code, year, "basics")
        case .evidence(let code, let year): Self.year(code, year, "evidence")
        case .evidenceFile(let code, let year, let id): Self.year(code, year, "evidence", .id(id.uuidString))
        case .evidenceDelete(let code, let year, let id): Self.year(code, year, "evidence", .id(id.uuidString), "delete")
        case .records(let code, let year, let kind): Self.year(code, year, .fixed(kind))
        case .monitoring(let code, let year): Self.year(code, year, "monitoring")
        case .monitoringTable(let code, let year, let format):
            Self.year(code, year, "monitoring", .parameter("file", value: "table.\(format)"))
        case .workPlan(let code, let year): Self.year(code, year, "workplan")
        case .tasks(let code, let year): Self.year(code, year, "workplan", "tasks")
        case .taskNew(let code, let year): Self.year(code, year, "workplan", "tasks", "new")
        case .task(let code, let year, let id): Self.year(code, year, "workplan", "tasks", .id(id))
        case .taskDelete(let code, let year, let id): Self.year(code, year, "workplan", "tasks", .id(id), "delete")
        case .review(let code, let year): Self.year(code, year, "review")
        case .targets(let code, let year): Self.year(code, year, "targets")
        case .targetAdjustment(let code, let year, let number):
            Self.year(code, year, "targets", .parameter("number", value: String(number)))
        case .recheck(let code, let year): Self.year(code, year, "recheck")
        case .recheckFile(let code, let year, let item):
            Self.year(code, year, "recheck", .parameter("item", value: item), "file")
        case .payments(let code, let year): Self.year(code, year, "payments")
        case .payment(let code, let year, let id): Self.year(code, year, "payments", .id(id.uuidString))
        case .deletePayment(let code, let year, let id): Self.year(code, year, "payments", .id(id.uuidString), "delete")
        case .lines(let code, let year): Self.year(code, year, "lines")
        case .line(let code, let year, let id): Self.year(code, year, "lines", .id(id.uuidString))
        case .lineDelete(let code, let year, let id): Self.year(code, year, "lines", .id(id.uuidString), "delete")
        case .linePlan(let code, let year, let id): Self.year(code, year, "lines", .id(id.uuidString), "plan")
        case .project(let code, let year, let project):
            Self.year(code, year, "projects", .parameter("project", value: project))
        case .projectTable(let code, let year, let project, let format):
            Self.year(code, year, "projects", .parameter("project", value: project),
                      .parameter("file", value: "table.\(format)"))
        case .projectNew(let code, let year): Self.year(code, year, "projects", "new")
        case .projectEdit(let code, let year, let project):
            Self.year(code, year, "projects", .parameter("project", value: project), "edit")
        case .projectDelete(let code, let year, let project):
            Self.year(code, year, "projects", .parameter("project", value: project), "delete")
        }
    }

    /// `years/:code/:year` and what follows.
    private static func year(_ code: String, _ year: Int, _ rest: Segment...) -> [Segment] {
        ["years", .parameter("code", value: code), .parameter("year", value: String(year))] + rest
    }

    /// `public/:code/:year/:version` (`v1`, `v2`…).
    private static func published(_ code: String, _ year: Int, _ version: Int) -> [Segment] {
        ["public", .parameter("code", value: code), .parameter("year", value: String(year)),
         .parameter("version", value: "v\(version)")]
    }

    /// One path segment: reserved characters percent-encoded, and `.` or `..` written out so that no browser takes
    /// them for the current or parent directory.
    private static func encode(_ part: String) -> String {
        if part.allSatisfy({ $0 == "." }) { return String(repeating: "%2E", count: part.count) }
        // Codes, years and ids are letters, digits and `-`: nothing to encode.
        if part.utf8.allSatisfy({ byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }) {
            return part
        }
        return part.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? part
    }

    /// What a path segment may hold unencoded.
    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(["/", "?", "#", ";"])
}

extension SiteURL.Segment {
    /// A record's id (`:id`).
    static func id(_ value: String) -> Self { .parameter("id", value: value) }
}
