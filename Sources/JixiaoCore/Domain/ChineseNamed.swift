/// A closed choice with the Chinese name forms and pages show for it.
public protocol ChineseNamed {
    var chinese: String { get }
}

extension BudgetLine.Kind: ChineseNamed {}
extension Indicator.Nature: ChineseNamed {}
extension Indicator.Grade: ChineseNamed {}
extension IndicatorProgress.Likelihood: ChineseNamed {}
extension IndicatorProgress.Cause: ChineseNamed {}
extension WorkTask.Status: ChineseNamed {}
