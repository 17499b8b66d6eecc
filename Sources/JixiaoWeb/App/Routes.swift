import JixiaoStore
import Vapor

/// Every route, grouped by who may reach it.
enum Routes {
    static func register(on app: Application) throws {
        app.get(.health, use: HealthController.live)
        app.get(.readiness, use: HealthController.ready)
        app.get(.openAPI, use: OpenAPIDocument.serve)
        try app.register(collection: SignInController())
        try app.register(collection: PublicController())
        let signedIn = app.grouped(RequireSignIn(), ReturnNotesMiddleware())
        try signedIn.register(collection: YearController())
        try signedIn.register(collection: MonitoringController())
        try signedIn.register(collection: OverviewMonitoringController())
        try signedIn.register(collection: IndicatorProgressController())
        try signedIn.register(collection: IndicatorController())
        try signedIn.register(collection: PlanController())
        try signedIn.register(collection: TaskController())
        try signedIn.register(collection: PaymentController())
        try signedIn.register(collection: LineController())
        try signedIn.register(collection: APIController())
        try signedIn.register(collection: AuditController())
        try signedIn.register(collection: ImportController())
        try signedIn.register(collection: NarrativeController())
        try signedIn.register(collection: BasicsController())
        try signedIn.register(collection: EvidenceController())
        try signedIn.register(collection: ActivityController())
        try signedIn.register(collection: ProcurementController())
        try signedIn.register(collection: ProjectController())
        try signedIn.register(collection: ProjectEditController())
        try signedIn.register(collection: ComparisonController())
        try signedIn.register(collection: WhatIfController())
        try signedIn.register(collection: SimilarTextController())
        try signedIn.register(collection: ResultUseController())
        try signedIn.register(collection: DirectoryController())
        try signedIn.register(collection: RectificationController())
        try signedIn.register(collection: AssetsController())
        try signedIn.register(collection: AccountController())
        try signedIn.register(collection: AdminController())
        try signedIn.register(collection: ReviewController())
        try signedIn.register(collection: RecheckController())
        try signedIn.register(collection: TargetsController())
    }
}

/// `GET /healthz` (the process answers and reaches its database) and `GET /readyz` (besides, the schema is up to
/// date and the audit trail can be written): 503 when not, so a load balancer takes the server out.
enum HealthController {
    @Sendable static func live(_ request: Request) async throws -> Response {
        do {
            _ = try await request.db.transaction { _ in true }
            return plain("ok", .ok)
        } catch {
            request.logger.warning("health check: the database does not answer: \(String(reflecting: error))")
            return plain("数据库无法连接", .serviceUnavailable)
        }
    }

    @Sendable static func ready(_ request: Request) async throws -> Response {
        do {
            guard try await Store.isReady(request.db) else { return plain("数据库结构未更新到最新", .serviceUnavailable) }
            return plain("ready", .ok)
        } catch {
            request.logger.warning("readiness check failed: \(String(reflecting: error))")
            return plain("数据库无法连接", .serviceUnavailable)
        }
    }

    private static func plain(_ text: String, _ status: HTTPResponseStatus) -> Response {
        let response = Response(status: status, body: .init(string: text))
        response.headers.contentType = .plainText
        return response
    }
}
