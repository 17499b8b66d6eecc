import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// The parts of a year the pages edit beside the indicators: activities and procurements (lists guarded by a digest),
/// assets and 基本情况 (guarded by the year's version), and the evidence files — with the same checks, guards and
/// audit as the pages.
extension APIController {
    // MARK: activities and procurements

    /// `{"digest", "moneyUnit", MEMBER: [entries as in the bundle]}`.
    func recordList(_ request: Request, _ repository: RecordListRepository) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        return json(.object([
            "digest": .string(try await repository.digest(yearID: fiscal.id)),
            "moneyUnit": .string(year.moneyUnit.rawValue),
            repository.member: BundleWriter.encode(year)[repository.member] ?? .array([]),
        ]))
    }

    /// `{"digest", "replace": {"position": entry}, "remove": [positions], "add": [entries]}` applied at once; answered
    /// as `answer` reads the list (by default as ``recordList(_:_:)`` does).
    func changeRecordList(_ request: Request, _ repository: RecordListRepository,
                          answer: ((Request) async throws -> Response)? = nil) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let body = try Self.body(request)
        guard case .string(let digest)? = body["digest"] else {
            throw Abort(.badRequest, reason: "缺少 digest（先读取列表，再带上它提交修改）。")
        }
        var edit = RecordListRepository.Edit()
        if case .object(let members)? = body["replace"] {
            for member in members {
                guard let position = Int(member.key) else { throw Abort(.badRequest, reason: "replace 的键应是行号。") }
                edit.replacing[position] = member.value
            }
        }
        if case .array(let positions)? = body["remove"] {
            edit.removing = Set(try positions.map { position in
                guard case .number(let text) = position, let value = Int(text) else {
                    throw Abort(.badRequest, reason: "remove 应是行号的数组。")
                }
                return value
            })
        }
        if case .array(let entries)? = body["add"] { edit.adding = entries }
        guard !edit.isEmpty else { throw Abort(.badRequest, reason: "没有要做的修改（replace、remove 或 add）。") }
        do {
            try await repository.change(edit, expecting: digest, organisation: context.organisation,
                                        fiscal: context.fiscal, actor: context.user.auditActor)
        } catch let error as InputError {
            return issuesJSON(error)
        } catch is RecordListRepository.Stale {
            throw Abort(.conflict, reason: "列表在您读取后已被他人修改（或行号不存在），请重新读取后再提交。")
        }
        if let answer { return try await answer(request) }
        return try await recordList(request, repository)
    }

    @Sendable func activities(_ request: Request) async throws -> Response {
        try await recordList(request, .activities(request.db))
    }

    @Sendable func changeActivities(_ request: Request) async throws -> Response {
        try await changeRecordList(request, .activities(request.db))
    }

    @Sendable func procurements(_ request: Request) async throws -> Response {
        try await recordList(request, .procurements(request.db))
    }

    @Sendable func changeProcurements(_ request: Request) async throws -> Response {
        try await changeRecordList(request, .procurements(request.db))
    }

    // MARK: assets and basics

    /// `{"version", "moneyUnit", "assets": {…} | null}`.
    @Sendable func assets(_ request: Request) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        return json(.object(["version": .number(String(fiscal.version)), "moneyUnit": .string(year.moneyUnit.rawValue),
                             "assets": BundleWriter.encode(year)["assets"] ?? .null]))
    }

    /// Replaces the assets (`null` removes them) at the year's version.
    @Sendable func updateAssets(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let body = try Self.body(request)
        let assets = body["assets"].flatMap { $0 == .null ? nil : $0 }
        return try await savedAtVersion(request, body, what: "资产数据", answer: self.assets) { version in
            try await YearRepository(database: request.db).updateAssets(
                assets, organisation: context.organisation, fiscal: context.fiscal, version: version,
                actor: context.user.auditActor)
        }
    }

    /// `{"version", "overview", "tasks": [..], "goal"}`.
    @Sendable func basics(_ request: Request) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        return json(.object(["version": .number(String(fiscal.version)), "overview": .string(year.department.overview),
                             "tasks": .array(year.tasks.map(JSONValue.string)), "goal": .string(year.goal)]))
    }

    /// Replaces the overview, key tasks and goal at the year's version.
    @Sendable func updateBasics(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let body = try Self.body(request)
        let tasks: [String]
        switch body["tasks"] {
        case .array(let items)?:
            tasks = try items.map { item in
                guard case .string(let text) = item else { throw Abort(.badRequest, reason: "tasks 应是文字的数组。") }
                return text
            }
        default: tasks = []
        }
        let basics = YearRepository.Basics(overview: body["overview"]?.string ?? "", tasks: tasks,
                                           goal: body["goal"]?.string ?? "")
        var errors = FieldErrors()
        for (field, text) in [("overview", basics.overview), ("goal", basics.goal),
                              ("tasks", basics.tasks.joined(separator: "\n"))]
        where text.count > TextLimits.maximumCharacters {
            errors[field] = "共 \(text.count) 字，最多 \(TextLimits.maximumCharacters) 字；未保存"
        }
        guard errors.isEmpty else { return errorsJSON(errors) }
        return try await savedAtVersion(request, body, what: "基本情况", answer: self.basics) { version in
            try await YearRepository(database: request.db).updateBasics(
                basics, organisation: context.organisation, fiscal: context.fiscal, version: version,
                actor: context.user.auditActor)
        }
    }

    /// Runs `save` with the body's `version` (400 without one), then answers as `answer` reads the part; the reader's
    /// faults as 422, a version gone stale as 409 naming `what` changed.
    private func savedAtVersion(_ request: Request, _ body: JSONValue, what: String,
                                answer: (Request) async throws -> Response,
                                save: (Int) async throws -> Void) async throws -> Response {
        guard case .number(let text)? = body["version"], let version = Int(text) else {
            throw Abort(.badRequest, reason: "缺少 version（先读取，再带上它提交修改）。")
        }
        do {
            try await save(version)
        } catch let error as InputError {
            return issuesJSON(error)
        } catch is YearRepository.Stale {
            throw Abort(.conflict, reason: "\(what)在您读取后已被他人修改，请重新读取后再保存。")
        }
        return try await answer(request)
    }

    // MARK: projects

    /// `{"digest", "moneyUnit", "projects"}`: every project as in the bundle, with its own evaluation (scored by
    /// its template on its lines) and the findings attributed to it.
    @Sendable func projects(_ request: Request) async throws -> Response {
        let (fiscal, year) = try await load(request, change: false)
        let projects = year.projects.enumerated().map { index, project in
            let projectYear = year.year(of: project)
            return BundleWriter.project(project).setting("evaluation", to: EvaluationJSON.encode(
                projectYear, Evaluator.evaluate(projectYear), findings: FindingsEngine.findings(ofProject: index, in: year)))
        }
        return json(.object([
            "digest": .string(try await RecordListRepository.projects(request.db).digest(yearID: fiscal.id)),
            "moneyUnit": .string(year.moneyUnit.rawValue), "projects": .array(projects),
        ]))
    }

    /// Projects added, changed (by position) and removed at once — a change of targets, held while the targets are
    /// under review; every fault by its bundle path.
    @Sendable func changeProjects(_ request: Request) async throws -> Response {
        try await changeRecordList(request, .projects(request.db), answer: projects)
    }

    // MARK: evidence

    @Sendable func evidence(_ request: Request) async throws -> Response {
        let (_, year) = try await load(request, change: false)
        let entries = try await StoredReport.evidence(of: year, on: request.db)
        let subjects = EvidenceSubject.all(in: year)
        return json(.array(entries.map { Self.evidenceJSON($0, subjects: subjects) }))
    }

    /// `POST …/evidence?subject=indicator:i1&name=签到表.pdf` with the file as the body.
    @Sendable func addEvidence(_ request: Request) async throws -> Response {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        let (_, year) = try await load(request, change: false)
        guard let subject = (try? request.query.get(String.self, at: "subject")).flatMap({ EvidenceSubject.find($0, in: year) })
        else {
            throw Abort(.unprocessableEntity, reason: "subject 应是本年度的指标、活动、采购或任务（如 indicator:i1）。")
        }
        let data = Data(request.body.data?.readableBytesView ?? ByteBuffer().readableBytesView)
        guard !data.isEmpty else { throw Abort(.badRequest, reason: "请求体应是要上传的文件。") }
        let typedName = (try? request.query.get(String.self, at: "name")) ?? "佐证材料"
        let (name, kind) = try EvidenceUpload.check(name: typedName, data: data, what: "佐证材料")
        let repository = EvidenceRepository(database: request.db)
        do {
            try await repository.add(.init(name: name, type: kind.mediaType, data: data), to: subject,
                                     organisation: context.organisation, fiscal: context.fiscal,
                                     actor: context.user.auditActor)
        } catch let refusal as EvidenceRepository.Refusal {
            throw Abort(.conflict, reason: refusal.message)
        }
        let entries = try await repository.entries(organisationID: context.organisation.id, year: year.year)
        let subjects = EvidenceSubject.all(in: year)
        return json(entries.last.map { Self.evidenceJSON($0, subjects: subjects) } ?? .null, status: .created)
    }

    @Sendable func evidenceFile(_ request: Request) async throws -> Response {
        _ = try await context(request, change: false)
        return try await EvidenceController().download(request)
    }

    @Sendable func deleteEvidence(_ request: Request) async throws -> HTTPStatus {
        let context = try await context(request, change: true)
        try CSRF.verify(request)
        try await EvidenceController.removeFile(request, context: context)
        return .noContent
    }

    private static func evidenceJSON(_ entry: EvidenceRepository.Entry, subjects: [EvidenceSubject]) -> JSONValue {
        .object(["id": .string(entry.id.uuidString), "subject": .string(entry.subject),
                 "label": .string(EvidenceSubject.label(of: entry.subject, in: subjects)), "name": .string(entry.name),
                 "type": .string(entry.type), "size": .number(String(entry.size)), "sha256": .string(entry.sha256),
                 "uploadedBy": .string(entry.uploadedBy),
                 "uploadedAt": .string(ISO8601DateFormatter().string(from: entry.uploadedAt))])
    }
}
