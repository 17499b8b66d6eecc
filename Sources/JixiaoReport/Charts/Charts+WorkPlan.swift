import JixiaoCore

extension Charts {
    static let done = "#1f6f43"
    static let plannedSpan = "#c9d6ea"
    static let late = "#b7791f"

    /// The work plan as a timeline: each task's planned span from start to due over the year's months, the share
    /// done drawn inside it, time past the due date in red (amber when the task was finished late), and the as-of
    /// date as a dashed line.
    public static func workPlanTimeline(_ year: DepartmentYear, asOf: CivilDate) -> Chart {
        let progress = WorkPlanProgress.on(year, asOf: asOf)
        let (left, plotWidth, rowHeight, top) = (Rational(230), Rational(380), Rational(24), Rational(28))
        let height = 80 + 24 * progress.tasks.count
        var canvas = SVGCanvas(width: 640, height: height)
        let first = CivilDate(year: year.year, month: 1, day: 1)!
        let days = Rational(CivilDate.isLeap(year.year) ? 366 : 365)
        /// The left edge of a day (the day after the year's last day is the plot's right edge).
        func x(_ date: CivilDate) -> Rational {
            left + plotWidth * Rational.min(Rational.max(Rational(first.days(to: date)), .zero), days) / days
        }
        func next(_ date: CivilDate) -> CivilDate { CivilDate(dayNumber: date.dayNumber + 1) }
        let bottom = top + rowHeight * Rational(progress.tasks.count)
        for month in 1...12 {
            let start = CivilDate(year: year.year, month: month, day: 1)!
            canvas.line(x(start), top - 4, x(start), bottom, stroke: "#e3e7ee")
            canvas.text(x(start) + plotWidth / 24, top - 10, "\(month)月", anchor: "middle", size: 10, fill: muted)
        }
        for state in progress.tasks {
            let task = state.task
            let y = top + rowHeight * Rational(state.index)
            let label = task.title.count > 15 ? String(task.title.prefix(14)) + "…" : task.title
            canvas.text(left - 8, y + 16, label, anchor: "end", size: 12)
            let start = x(task.start), end = x(next(task.due))
            canvas.rect(start, y + 6, end - start, 12, fill: plannedSpan)
            canvas.rect(start, y + 6, (end - start) * state.progress, 12, fill: state.state == .done ? done : plan)
            if state.state == .overdue {
                canvas.rect(end, y + 6, x(next(asOf)) - end, 12, fill: actual)
            } else if let completed = task.completed, completed > task.due, completed <= asOf {
                canvas.rect(end, y + 6, x(next(completed)) - end, 12, fill: late)
            }
        }
        let today = x(next(asOf))
        canvas.line(today, top - 4, today, bottom + 4, stroke: actual, dash: "4 3")
        canvas.text(today, bottom + 16, "截至 \(asOf.month)月\(asOf.day)日", anchor: "middle", size: 10, fill: actual)
        legend(&canvas, at: bottom + 40, spacing: 118, [("计划工期", plannedSpan), ("已完成", done), ("完成进度", plan),
                                                        ("逾期", actual), ("延期完成", late)])
        return canvas.chart(title: "\(year.year) 年工作计划进度")
    }
}
