/// Computes indicators' actual values from the year's records.
public enum Measurement {
    /// The value of a measure over the year's records up to `date` (the whole year without one), with the indices
    /// of the records that counted: activities dated within the year, or the work plan's tasks.
    public static func value(of measure: Measure, in year: DepartmentYear, upTo date: CivilDate? = nil) -> (Rational, [Int]) {
        switch measure.source {
        case .activities:
            activities(measure, year.activities, year: year.year, upTo: date)
        case .workPlan:
            workPlan(measure, year, upTo: date ?? CivilDate(year: year.year, month: 12, day: 31)!)
        }
    }

    private static func activities(_ measure: Measure, _ activities: [Activity], year: Int,
                                   upTo date: CivilDate?) -> (Rational, [Int]) {
        var matched: [Int] = []
        var total = Rational.zero
        for (index, activity) in activities.enumerated()
        where activity.date.year == year && date.map({ activity.date <= $0 }) ?? true {
            guard measure.filter.allSatisfy({ activity.text($0.key) == $0.value }) else { continue }
            switch measure.aggregate {
            case .count:
                matched.append(index)
                total += .one
            case .sum:
                guard let field = measure.field, let value = activity.quantities[field] else { continue }
                matched.append(index)
                total += value
            case .onTimeRate, .doneRate:
                continue
            }
        }
        return (total, matched)
    }

    /// The tasks a work-plan rate counts: those of the year's key tasks when the plan names key tasks (the work a
    /// 重点任务 rate is about), else every task.
    public static func countedTasks(_ year: DepartmentYear) -> [Int] {
        let keyed = year.workPlan.indices.filter { year.workPlan[$0].keyTask != nil }
        return keyed.isEmpty ? Array(year.workPlan.indices) : keyed
    }

    /// On time: done by its due date; done: by `date`. The rate in % over the tasks due by `date` (all of them at
    /// the year's end); 0 with no such task.
    private static func workPlan(_ measure: Measure, _ year: DepartmentYear, upTo date: CivilDate) -> (Rational, [Int]) {
        let due = countedTasks(year).filter { year.workPlan[$0].due <= date }
        let counted = due.filter { index in
            let task = year.workPlan[index]
            return measure.aggregate == .onTimeRate ? task.isDone(on: min(task.due, date)) : task.isDone(on: date)
        }
        guard !due.isEmpty else { return (.zero, []) }
        return (Rational(Int128(counted.count * 100), Int128(due.count)), counted)
    }
}
