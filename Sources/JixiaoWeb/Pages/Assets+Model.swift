import JixiaoCore

/// 资产: the assets at their date in 万元, the declared total set against its parts, and the form's values in 元.
struct AssetsModel {
    /// The stored assets as the table shows them.
    struct Figures: Equatable {
        let asOf: String
        let current: String
        let nonCurrent: String
        let total: String
        /// The declared total where it is not the sum of the parts, in words (in 元 when they differ by less than
        /// 0.01 万元).
        let mismatch: String?
    }

    let code: String
    let name: String
    let year: Int
    let figures: Figures?
    let form: AssetsController.Form
    let mayChange: Bool

    init(_ year: DepartmentYear, form: AssetsController.Form, mayChange: Bool) {
        code = year.department.code
        name = year.department.name
        self.year = year.year
        figures = year.assets.map { assets in
            Figures(asOf: assets.asOf.description, current: assets.current.wanString,
                    nonCurrent: assets.nonCurrent.wanString, total: assets.total.wanString,
                    mismatch: assets.declaredTotal.flatMap { declared in
                        declared == assets.total ? nil
                            : "填报 \(assets.figure(declared))，与两项之和 \(assets.figure(assets.total))不一致"
                    })
        }
        self.form = form
        self.mayChange = mayChange
    }
}
