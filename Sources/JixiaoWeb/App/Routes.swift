import Vapor

/// Every route, grouped by who may reach it.
enum Routes {
    static func register(on app: Application) throws {
        app.get("healthz", use: HealthController.check)
        app.get("api", "v1", "openapi.json", use: OpenAPIDocument.serve)
        try app.register(collection: SignInController())
        let signedIn = app.grouped(RequireSignIn())
        try signedIn.register(collection: YearController())
        try signedIn.register(collection: MonitoringController())
        try signedIn.register(collection: OverviewMonitoringController())
        try signedIn.register(collection: IndicatorProgressController())
        try signedIn.register(collection: PlanController())
        try signedIn.register(collection: TaskController())
        try signedIn.register(collection: PaymentController())
        try signedIn.register(collection: LineController())
        try signedIn.register(collection: APIController())
        try signedIn.register(collection: AuditController())
        try signedIn.register(collection: ImportController())
        try signedIn.register(collection: NarrativeController())
    }
}

/// `GET /healthz`: the process answers and the database does too.
enum HealthController {
    @Sendable static func check(_ request: Request) async throws -> String {
        _ = try await request.db.transaction { _ in true }
        return "ok"
    }
}
