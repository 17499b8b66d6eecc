import JixiaoCore

/// Charts for people who look rather than read, drawn as SVG on the server.
public enum Charts {
    static let actual = "#9b1c1c"
    static let plan = "#1f5fa8"
    static let muted = "#8a93a3"

    /// Cumulative execution against the cumulative plan and 序时进度, month by month, as shares of the budget; the
    /// execution line stops at `asOf` (the year end when nil). Lines without a monthly plan join the plan line as
    /// ``expectedPayment(_:month:)`` expects them to pay.
    public static func cumulativeExecution(_ year: DepartmentYear, asOf: CivilDate? = nil) -> Chart {
        let (left, top, plotWidth, plotHeight) = (Rational(48), Rational(20), Rational(560), Rational(220))
        var canvas = SVGCanvas(width: 640, height: 290)
        let adjusted = year.budgetLines.map(\.adjusted).sum()
        let lastMonth = asOf.map { $0.year == year.year ? $0.month : 12 } ?? 12
        func x(_ month: Int) -> Rational { left + plotWidth * Rational(Int128(month), 12) }
        func y(_ share: Rational) -> Rational { top + plotHeight - plotHeight * Rational.max(.zero, Rational.min(share, Rational(6, 5))) / Rational(6, 5) }
        for percent in stride(from: 0, through: 120, by: 20) {
            let share = Rational(Int128(percent), 100)
            canvas.line(left, y(share), left + plotWidth, y(share), stroke: "#e3e7ee")
            canvas.text(left - 6, y(share) + 4, "\(percent)%", anchor: "end", size: 11, fill: muted)
        }
        for month in 1...12 { canvas.text(x(month), top + plotHeight + 16, "\(month)月", anchor: "middle", size: 11, fill: muted) }
        let days = CivilDate.isLeap(year.year) ? 366 : 365
        canvas.polyline([(x(0), y(.zero))] + (1...12).map { month in
            let end = CivilDate(year: year.year, month: month, day: CivilDate.daysIn(month: month, year: year.year))!
            return (x(month), y(Rational(Int128(end.dayNumber - CivilDate(year: year.year, month: 1, day: 1)!.dayNumber + 1),
                                         Int128(days))))
        }, stroke: muted, dash: "4 4", width: 1)
        if adjusted > .zero {
            let budget = adjusted.fenValue
            var planned = Rational.zero
            var planPoints: [(Rational, Rational)] = [(x(0), y(.zero))]
            var paidByMonth = [Money](repeating: .zero, count: 13)
            for payment in year.payments where payment.date.year == year.year { paidByMonth[payment.date.month] += payment.amount }
            var paid = Money.zero
            var paidPoints: [(Rational, Rational)] = [(x(0), y(.zero))]
            for month in 1...12 {
                planned += year.budgetLines.map { expectedPayment($0, month: month) }.sum()
                planPoints.append((x(month), y(planned / budget)))
                paid += paidByMonth[month]
                if month <= lastMonth { paidPoints.append((x(month), y(Rational.ratio(paid, of: adjusted)!))) }
            }
            canvas.polyline(planPoints, stroke: plan, dash: "8 4")
            canvas.polyline(paidPoints, stroke: actual, width: 3)
        }
        legend(&canvas, at: top + plotHeight + 36, [("实际累计支付", actual), ("累计支付计划", plan), ("序时进度", muted)])
        return canvas.chart(title: "\(year.year) 年累计支付与计划、序时进度对比")
    }

    /// What a line is expected to pay in a month, in fen: its monthly plan; without one, its budget spread as last
    /// year's payments were; without those, evenly over the twelve months.
    static func expectedPayment(_ line: BudgetLine, month: Int) -> Rational {
        let budget = line.adjusted.fenValue
        if !line.plan.isEmpty {
            return line.plan.filter { $0.month == month }.map(\.amount).sum().fenValue
        }
        let lastYear = line.lastYear.map(\.amount).sum()
        if lastYear > .zero {
            let share = line.lastYear.filter { $0.month == month }.map(\.amount).sum()
            return budget * (Rational.ratio(share, of: lastYear) ?? .zero)
        }
        return budget / 12
    }

    /// Each line's execution rate as a bar against its budget (100 %).
    public static func executionByLine(_ year: DepartmentYear) -> Chart {
        let executed = year.executedByLine()
        let rowHeight = Rational(26)
        let (left, plotWidth) = (Rational(200), Rational(360))
        let height = 40 + 26 * year.budgetLines.count
        var canvas = SVGCanvas(width: 640, height: height)
        let full = left + plotWidth * Rational(5, 6)
        canvas.line(full, 8, full, Rational(Int128(height - 20)), stroke: muted, dash: "4 4")
        canvas.text(full, Rational(Int128(height - 6)), "100%", anchor: "middle", size: 11, fill: muted)
        for (index, line) in year.budgetLines.enumerated() {
            let rate = Rational.ratio(executed[line.code] ?? .zero, of: line.adjusted) ?? .zero
            let top = Rational(Int128(10)) + rowHeight * Rational(Int128(index))
            canvas.text(left - 8, top + 15, "\(line.code) \(line.name)", anchor: "end", size: 12)
            canvas.rect(left, top + 3, plotWidth * Rational.max(.zero, Rational.min(rate, Rational(6, 5))) / Rational(6, 5), 16,
                        fill: rate > .one ? "#b7791f" : actual)
            canvas.text(left + plotWidth + 8, top + 15, rate.percentString(places: 2), size: 12)
        }
        return canvas.chart(title: "\(year.year) 年各预算项目执行率")
    }

    /// Points earned against points available, by 一级 level and for budget execution.
    public static func scoreByLevel(_ year: DepartmentYear, evaluation: Evaluation) -> Chart {
        let rows: [(String, Rational, Rational)] = [("预算执行", evaluation.budget.score, evaluation.budget.weight)]
            + year.template.levels.map { level in
                let scores = zip(year.indicators, evaluation.indicators).filter { $0.0.level1 == level.name }
                return (level.name, scores.map(\.1.score).sum(), year.template.indicatorWeight(of: level))
            }
        let (left, plotWidth) = (Rational(120), Rational(380))
        let height = 20 + 30 * rows.count
        var canvas = SVGCanvas(width: 640, height: height)
        for (index, row) in rows.enumerated() {
            let top = Rational(Int128(8 + 30 * index))
            let share = row.2 > .zero ? Rational.max(.zero, Rational.min(row.1 / row.2, .one)) : .zero
            canvas.text(left - 8, top + 15, row.0, anchor: "end", size: 12)
            canvas.rect(left, top + 3, plotWidth, 18, fill: "#e3e7ee")
            canvas.rect(left, top + 3, plotWidth * share, 18, fill: share >= .one ? "#1f6f43" : actual)
            canvas.text(left + plotWidth + 8, top + 16,
                        "\(year.template.rounding.format(row.1)) / \(row.2)", size: 12)
        }
        return canvas.chart(title: "\(year.year) 年各部分得分")
    }

    static func legend(_ canvas: inout SVGCanvas, at y: Rational, spacing: Int = 170, _ entries: [(String, String)]) {
        for (index, entry) in entries.enumerated() {
            let x = Rational(Int128(20 + spacing * index))
            canvas.line(x, y, x + 24, y, stroke: entry.1, width: 3)
            canvas.text(x + 30, y + 4, entry.0, size: 12)
        }
    }
}
