/// The scoring formulas of DESIGN.md, unrounded. Each returns the exact score and the formula written out
/// with its inputs, so the evidence shows exactly what was computed.
public enum Formulas {
    /// `W × min(A/T, 1)`, floor 0; any A ≥ T earns W (so T = 0 is met by any non-negative A).
    public static func positive(weight w: Rational, actual a: Rational, target t: Rational) -> (Rational, String) {
        let text = "W × min(A/T, 1) = \(w) × min(\(a)/\(t), 1)"
        if a >= t { return (w, text) }
        guard t > .zero else { return (.zero, text) }
        return (Rational.max(.zero, w * a / t), text)
    }

    /// Reverse, linear to double: A ≤ T → W; T < A < 2T → W × (1 − (A−T)/T); A ≥ 2T → 0.
    public static func linearToDouble(weight w: Rational, actual a: Rational, target t: Rational) -> (Rational, String) {
        let text = "A ≤ T → W；T < A < 2T → W × (1 − (A−T)/T)；A ≥ 2T → 0（W=\(w)，A=\(a)，T=\(t)）"
        if a <= t { return (w, text) }
        if a >= t + t { return (.zero, text) }
        return (w * (.one - (a - t) / t), text)
    }

    /// Reverse, inverse ratio: `W × min(T/A, 1)`; A ≤ 0 earns W.
    public static func inverseRatio(weight w: Rational, actual a: Rational, target t: Rational) -> (Rational, String) {
        let text = "W × min(T/A, 1) = \(w) × min(\(t)/\(a), 1)"
        guard a > .zero else { return (w, text) }
        return (Rational.max(.zero, w * Rational.min(t / a, .one)), text)
    }

    /// Equal: `W × max(0, 1 − |A−T|/T)`; with T = 0 only A = 0 scores.
    public static func equal(weight w: Rational, actual a: Rational, target t: Rational) -> (Rational, String) {
        let text = "W × max(0, 1 − |A−T|/T) = \(w) × max(0, 1 − |\(a)−\(t)|/\(t))"
        if a == t { return (w, text) }
        guard t != .zero else { return (.zero, text) }
        return (w * Rational.max(.zero, .one - (a - t).magnitude / t.magnitude), text)
    }

    /// The first tier whose `upTo` is at least A gives its points; the last tier catches the rest.
    public static func tiers(_ tiers: [ScoringRule.Tier], actual a: Rational) -> (Rational, String) {
        let tier = tiers.first { $0.upTo.map { a <= $0 } ?? true } ?? tiers.last
        let bound = tier?.upTo.map { "A ≤ \($0)" } ?? "其余"
        return (tier?.score ?? .zero, "分档：A=\(a)，\(bound) → \(tier?.score ?? .zero)")
    }

    /// Full weight on the right side of `bound`; minus `points` per whole `step` beyond; floor 0.
    public static func deduction(weight w: Rational, actual a: Rational, direction: Indicator.Direction,
                                 bound: Rational, step: Rational, points: Rational) -> (Rational, String) {
        let beyond = direction.isReverse ? a - bound : bound - a
        let steps = beyond > .zero ? (beyond / step).floor : .zero
        let score = Rational.max(.zero, w - points * steps)
        let text = "扣分：A=\(a)，界限 \(direction.symbol) \(bound)，每超 \(step) 扣 \(points) 分，超出 \(steps) 个整档"
        return (score, text)
    }
}
