/// What scoring reads of a year: the budget totals and every indicator with its actual value already resolved
/// (typed, or measured from the records). A template decides how these become points but never changes them, so a
/// year re-scored under other rules needs only these — not its payments, activities or work plan.
public struct ScoringInputs: Sendable, Hashable {
    /// One indicator and the actual value scoring uses.
    public struct Entry: Sendable, Hashable {
        public var indicator: Indicator
        public var actual: Rational?
        public var source: ActualSource?

        public init(indicator: Indicator, actual: Rational?, source: ActualSource?) {
            self.indicator = indicator
            self.actual = actual
            self.source = source
        }

        /// An indicator of a year with its actual value: its measure over the whole year's records, else the
        /// number typed.
        public init(_ indicator: Indicator, in year: DepartmentYear) {
            if let measure = indicator.measure {
                let (value, records) = Measurement.value(of: measure, in: year)
                self.init(indicator: indicator, actual: value, source: .measured(records: records))
            } else {
                let typed = indicator.actualText.flatMap(Rational.init(decimal:))
                self.init(indicator: indicator, actual: typed, source: typed == nil ? nil : .given)
            }
        }
    }

    public var templateChoice: TemplateChoice
    public var budget: BudgetTotals
    public var entries: [Entry]

    public init(templateChoice: TemplateChoice, budget: BudgetTotals, entries: [Entry]) {
        self.templateChoice = templateChoice
        self.budget = budget
        self.entries = entries
    }

    /// The inputs of a year: its budget totals and each indicator's actual value, measures computed over the
    /// whole year's records.
    public init(_ year: DepartmentYear) {
        self.init(templateChoice: year.templateChoice, budget: year.budgetTotals(),
                  entries: year.indicators.map { Entry($0, in: year) })
    }
}
