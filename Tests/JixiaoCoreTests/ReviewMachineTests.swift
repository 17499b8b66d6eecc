import JixiaoCore
import Testing

/// The review rounds' rules, step by step and as a whole matrix.
@Suite struct ReviewMachineTests {
    func next(_ round: ReviewRound, _ state: ReviewState, _ action: ReviewAction, _ party: ReviewParty,
              reason: String = "", grade: TargetGrade? = nil) -> ReviewState? {
        try? ReviewMachine.next(round, from: state, action: action, by: party, reason: reason, grade: grade)
    }

    @Test func aSelfEvaluationGoesFromDraftToPublished() {
        var state = ReviewState.drafting
        for (action, party) in [(ReviewAction.submit, ReviewParty.preparer), (.approve, .head), (.startReview, .bureau),
                                (.approve, .bureau), (.publish, .bureau)] {
            guard let after = next(.selfEvaluation, state, action, party) else {
                Issue.record("\(party) could not \(action) from \(state)")
                return
            }
            state = after
        }
        #expect(state == .published)
    }

    @Test func targetsAreApprovedWithAGradeAndNeverPublished() {
        #expect(next(.targets, .departmentApproved, .approve, .bureau) == nil)
        #expect(next(.targets, .departmentApproved, .approve, .bureau, grade: .good) == .approved)
        #expect(next(.targets, .approved, .publish, .bureau) == nil)
        #expect(next(.targets, .departmentApproved, .startReview, .bureau) == nil)
    }

    @Test func aReturnNeedsAReasonAndGoesBackToDrafting() {
        #expect(next(.selfEvaluation, .submitted, .return, .head) == nil)
        #expect(next(.selfEvaluation, .submitted, .return, .head, reason: "  ") == nil)
        #expect(next(.selfEvaluation, .submitted, .return, .head, reason: "执行率分析不足") == .drafting)
        #expect(next(.selfEvaluation, .underReview, .return, .bureau, reason: "得分依据不足") == .drafting)
    }

    @Test func eachPartyTakesOnlyItsOwnSteps() throws {
        // The whole matrix: a step is allowed exactly when the table lists it, and a refusal says what is allowed.
        var allowed = 0
        for round in ReviewRound.allCases {
            for state in ReviewState.allCases {
                for action in ReviewAction.allCases {
                    for party in ReviewParty.allCases {
                        let listed = ReviewMachine.steps(of: round).contains {
                            $0.from == state && $0.action == action && $0.by == party
                        }
                        let result = next(round, state, action, party, reason: "原因", grade: .excellent)
                        #expect((result != nil) == listed, "\(round) \(state) \(action) \(party)")
                        allowed += listed ? 1 : 0
                    }
                }
            }
        }
        #expect(allowed == 8 + 12)
        #expect(next(.selfEvaluation, .drafting, .approve, .preparer) == nil)
        #expect(next(.selfEvaluation, .submitted, .approve, .bureau) == nil)
        #expect(next(.selfEvaluation, .drafting, .submit, .head) == nil)
        let refusal = #expect(throws: ReviewRefusal.self) {
            try ReviewMachine.next(.selfEvaluation, from: .submitted, action: .approve, by: .preparer, reason: "",
                                   grade: nil)
        }
        #expect(refusal?.message == "填报人不能对“已送审”的绩效自评“审核通过”；此时可以：撤回。")
    }

    @Test func aRoundInReviewHoldsWhatItCoversButNeverPayments() {
        let submitted: [ReviewRound: ReviewState] = [.selfEvaluation: .submitted]
        for kind in [ChangeKind.budget, .workPlan, .progress, .narrative, .wholeYear, .targets, .results] {
            #expect(ReviewLock.refusal(kind, states: submitted) != nil, "\(kind)")
        }
        #expect(ReviewLock.refusal(.payments, states: submitted) == nil)
        #expect(ReviewLock.refusal(.review, states: submitted) == nil)
        let targets: [ReviewRound: ReviewState] = [.targets: .approved]
        #expect(ReviewLock.refusal(.wholeYear, states: targets)?.message.contains("绩效目标财政已审核") == true)
        #expect(ReviewLock.refusal(.narrative, states: targets) == nil)
        // Approved targets hold the indicator tree (an adjustment request changes it), not the results.
        #expect(ReviewLock.refusal(.targets, states: targets)?.message.contains("目标调整") == true)
        #expect(ReviewLock.refusal(.results, states: targets) == nil)
        #expect(ReviewLock.refusal(.narrative, states: [.selfEvaluation: .drafting]) == nil)
    }
}
