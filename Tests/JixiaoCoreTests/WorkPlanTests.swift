import Testing
@testable import JixiaoCore
import JixiaoFuzzing
import JixiaoTestSupport

@Suite struct WorkPlanTests {
    typealias T = TestYear

    private func plan(_ tasks: [WorkTask]) -> DepartmentYear {
        var year = T.make()
        year.tasks = ["第一项重点任务", "第二项重点任务"]
        year.workPlan = tasks
        return year
    }

    private func task(_ id: String, keyTask: Int? = 1, start: String = "2022-01-01", due: String,
                      status: WorkTask.Status = .inProgress, progress: String? = nil, completed: String? = nil) -> WorkTask {
        WorkTask(id: id, keyTask: keyTask, title: "任务\(id)", owner: "办公室", start: T.date(start), due: T.date(due),
                 status: status, progress: progress.map(T.r), completed: completed.map(T.date))
    }

    private func state(_ task: WorkTask, on date: String) -> WorkPlanProgress.TaskState {
        WorkPlanProgress.on(plan([task]), asOf: T.date(date)).tasks[0]
    }

    @Test("a task is due soon on its due date and overdue the day after", arguments: [
        ("2022-03-31", WorkPlanProgress.State.dueSoon, 0), ("2022-04-01", .overdue, 1), ("2022-04-30", .overdue, 30),
    ])
    func dueDate(on date: String, expected: WorkPlanProgress.State, daysOverdue: Int) {
        let result = state(task("t", due: "2022-03-31", progress: "0.5"), on: date)
        #expect(result.state == expected && result.daysOverdue == daysOverdue)
    }

    @Test("the due-soon window is 14 days", arguments: [("2022-04-15", true), ("2022-04-16", false)])
    func dueSoonWindow(due: String, soon: Bool) {
        #expect((state(task("t", due: due, progress: "0.5"), on: "2022-04-01").state == .dueSoon) == soon)
    }

    @Test func notStartedCountsFromTheDayAfterTheStart() {
        let fresh = task("t", start: "2022-04-01", due: "2022-09-30", status: .notStarted)
        #expect(state(fresh, on: "2022-03-31").state == .upcoming)
        #expect(state(fresh, on: "2022-04-01").state == .inProgress)
        #expect(state(fresh, on: "2022-04-02").state == .notStarted)
        let warnings = WorkPlanWarnings.inYear(WorkPlanProgress.on(plan([fresh]), asOf: T.date("2022-04-02")),
                                               tolerance: T.r("0.1"))
        #expect(warnings.map(\.code) == ["WORKPLAN_NOT_STARTED"] && warnings[0].subject == "workPlan[0]")
    }

    @Test func aTaskFinishedLateWasOverdueUntilItsCompletion() {
        let late = task("t", start: "2022-03-01", due: "2022-03-31", status: .done, completed: "2022-04-10")
        #expect(state(late, on: "2022-04-05").state == .overdue)
        #expect(state(late, on: "2022-04-10").state == .done)
        // Before completion its share is estimated along start → completion: 5 of 41 days on 5 March.
        #expect(state(late, on: "2022-03-05").progress == Rational(5, 41))
        let findings = WorkPlanWarnings.yearEnd(plan([late]))
        #expect(findings.map(\.code) == ["WORKPLAN_LATE"] && findings[0].message.contains("延期 10 天"))
    }

    @Test func unfinishedTasksRemainAsYearEndFindings() {
        let open = task("t", due: "2022-11-30", progress: "0.8")
        let findings = FindingsEngine.findings(plan([open]), evaluation: Evaluator.evaluate(plan([open])))
        let overdue = try! #require(findings.first { $0.code == "WORKPLAN_OVERDUE" })
        #expect(overdue.severity == .high && overdue.theme == .workPlan)
        #expect(overdue.message.contains("截至 2022-12-31 逾期 31 天，完成 80%"))
    }

    @Test("behind its own schedule past the tolerance", arguments: [("0.3918", true), ("0.3919", false)])
    func behindSchedule(progress: String, warned: Bool) {
        // 1 March – 30 April is 61 days; on 30 March 30 of them have passed: 49.18 %, less 10 points is 39.18 %.
        let running = task("t", start: "2022-03-01", due: "2022-04-30", progress: progress)
        let progressOn = WorkPlanProgress.on(plan([running]), asOf: T.date("2022-03-30"))
        #expect(progressOn.tasks[0].elapsed == Rational(30, 61))
        let warnings = WorkPlanWarnings.inYear(progressOn, tolerance: T.r("0.1"))
        #expect(warnings.contains { $0.code == "WORKPLAN_BEHIND" } == warned)
    }

    @Test func tasksPlanningMoreThanALinesBudgetAreFound() {
        var year = plan([task("a", due: "2022-06-30"), task("b", due: "2022-09-30")])
        year.workPlan[0].plannedPayments = [WorkTask.PlannedPayment(line: "L1", month: 3, amount: T.yuan("60"))]
        year.workPlan[1].plannedPayments = [WorkTask.PlannedPayment(line: "L1", month: 9, amount: T.yuan("40"))]
        #expect(WorkPlanWarnings.overBudget(year).isEmpty)  // exactly the budget of 100
        year.workPlan[1].plannedPayments[0].amount = T.yuan("40.01")
        let found = WorkPlanWarnings.overBudget(year)
        #expect(found.map(\.code) == ["WORKPLAN_OVER_BUDGET"] && found[0].subject == "budget.lines[0]")
        #expect(found[0].evidence == ["任务：任务a", "任务：任务b"])
        #expect(Monitor.report(year, asOf: T.date("2022-04-01")).warnings.contains { $0.code == "WORKPLAN_OVER_BUDGET" })
    }

    @Test func progressRollsUpToKeyTasksWeightedBySpan() {
        let year = plan([task("a", start: "2022-01-01", due: "2022-01-10", status: .done, completed: "2022-01-10"),
                         task("b", start: "2022-02-01", due: "2022-03-02", progress: "0.5"),
                         task("c", keyTask: 2, start: "2022-02-01", due: "2022-12-31", status: .notStarted),
                         task("d", keyTask: nil, start: "2022-02-01", due: "2022-12-31", progress: "0.2")])
        let progress = WorkPlanProgress.on(year, asOf: T.date("2022-03-01"))
        #expect(progress.keyTasks.map(\.number) == [1, 2, nil])
        #expect(progress.keyTasks[0].progress == Rational(25, 40))  // (10 × 1 + 30 × 0.5) / 40
        #expect(progress.keyTasks[0].tasks == 2 && progress.keyTasks[0].done == 1)
        #expect(progress.keyTasks[1].title == "第二项重点任务" && progress.keyTasks[2].title == "其他工作")
    }
}

@Suite struct PlanSpreadingTests {
    typealias T = TestYear

    @Test func anEvenSpreadAddsUpToTheFen() {
        // 100.00 over March–December: 10.00 each; 100.01 puts the odd fen in March.
        let even = PlanSpreading.evenly(T.yuan("100.00"), over: 3...12)
        #expect(even.map(\.month) == Array(3...12) && even.allSatisfy { $0.amount == T.yuan("10.00") })
        let odd = PlanSpreading.evenly(T.yuan("100.01"), over: 3...12)
        #expect(odd.first?.amount == T.yuan("10.01") && odd.dropFirst().allSatisfy { $0.amount == T.yuan("10.00") })
        #expect(PlanSpreading.evenly(T.yuan("2556000.00"), over: 1...12).map(\.amount).sum() == T.yuan("2556000.00"))
        #expect(PlanSpreading.evenly(T.yuan("0.03"), over: 1...12).map(\.month) == [1, 2, 3])
    }

    @Test func aProfileIsFollowedInProportionWithTheLargestRemaindersRoundedUp() throws {
        // Last year 1 : 2 : 3 in months 2, 6, 11; this year's 100.00 → 16.67, 33.33, 50.00.
        let profile = [MonthlyAmount(month: 2, amount: T.yuan("10")), MonthlyAmount(month: 6, amount: T.yuan("20")),
                       MonthlyAmount(month: 9, amount: .zero), MonthlyAmount(month: 11, amount: T.yuan("30"))]
        let plan = try #require(PlanSpreading.following(profile, total: T.yuan("100.00")))
        #expect(plan.map(\.month) == [2, 6, 11])
        #expect(plan.map(\.amount) == [T.yuan("16.67"), T.yuan("33.33"), T.yuan("50.00")])
        #expect(PlanSpreading.following([MonthlyAmount(month: 1, amount: .zero)], total: T.yuan("1")) == nil)
    }
}

@Suite struct PlanSpreadingPropertyTests {
    /// 2,000 random totals and profiles: the months always add up to the total, and no month is more than a fen from
    /// its exact share.
    @Test func everySpreadAddsUpAndStaysWithinAFen() {
        var random = SeededGenerator(seed: 2022)
        for _ in 0..<2_000 {
            let total = Money(fen: Int64.random(in: 0...100_000_000_000, using: &random))
            let profile = (1...12).compactMap { month -> MonthlyAmount? in
                Bool.random(using: &random) ? MonthlyAmount(month: month, amount: Money(fen: Int64.random(in: 0...5_000_000, using: &random))) : nil
            }
            let from = Int.random(in: 1...12, using: &random)
            let weightSum = profile.map(\.amount).sum().fenValue
            for (plan, share) in [
                (PlanSpreading.evenly(total, over: from...12), { (_: Int) in Rational(1, Int128(13 - from)) }),
                (PlanSpreading.following(profile, total: total) ?? [], { (month: Int) in
                    (profile.first { $0.month == month }?.amount ?? .zero).fenValue / weightSum
                }),
            ] where !plan.isEmpty || total == .zero {
                #expect(plan.map(\.amount).sum() == total)
                for entry in plan {
                    let exact = total.fenValue * share(entry.month)
                    #expect((entry.amount.fenValue - exact).magnitude < .one)
                }
            }
        }
    }
}
