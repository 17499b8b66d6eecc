import Testing
@testable import JixiaoCore

@Suite struct RationalTests {
    @Test("decimal literals are read exactly", arguments: [
        ("864.40", Rational(8644, 10)), ("-3", Rational(-3)), (".5", Rational(1, 2)), ("+2.50", Rational(5, 2)),
        ("1e3", Rational(1000)), ("1.5E-2", Rational(15, 1000)), ("0", Rational.zero),
    ])
    func parses(text: String, expected: Rational) {
        #expect(Rational(decimal: text) == expected)
    }

    @Test("anything but a plain decimal is refused", arguments: ["", "-", "1,000", "1.2.3", "abc", "1e", "١٢", "0x10",
                                                                " 1", "1 000"])
    func refuses(text: String) {
        #expect(Rational(decimal: text) == nil)
    }

    @Test func arithmeticIsExact() {
        let third = Rational(1, 3)
        #expect(third + third + third == .one)
        #expect(Rational(decimal: "0.1")! + Rational(decimal: "0.2")! == Rational(decimal: "0.3")!)
        #expect(Rational(7, 2) * Rational(2, 7) == .one)
        #expect(Rational(1) / Rational(-4) == Rational(decimal: "-0.25")!)
        #expect(Rational(-7, 2).floor == -4)
        #expect(Rational(7, 2).floor == 3)
    }

    /// Products, sums and quotients far beyond 128 bits carry on in arbitrary precision and come back exactly.
    @Test func arithmeticBeyond128BitsIsExactAndComesBack() {
        let huge = Rational(decimal: "100000000000000000000")!  // 10²⁰
        let tiny = Rational(decimal: "1e-20")!
        let quotient = huge / tiny                                  // 10⁴⁰: beyond Int128
        #expect(quotient.description == "1" + String(repeating: "0", count: 40))
        #expect(quotient * tiny * tiny == Rational.one)
        #expect((quotient + .one) - quotient == .one)
        #expect(quotient > huge && -quotient < -huge && tiny < Rational(1, 1000))
        let max = Rational(Int128.max)
        #expect((max + max) / 2 == max)
        #expect(Rational(Int128.min) / Rational(Int128.min) == .one)
        #expect((max * max).floor / max == max)
        // Coprime denominators near the limit: the sum's denominator needs 254 bits.
        let a = Rational(1, Int128.max)
        let b = Rational(1, Int128.max - 1)
        #expect(a + b - b == a)
        #expect(Rounding(mode: .halfUp, places: 2).format(quotient * Rational(1, 3)).hasSuffix(".33"))
        #expect(Rational(decimal: "-1e-40")!.formatted(places: 2) == "0.00")
    }

    @Test func comparisonsOfLargeOperandsDoNotOverflow() {
        let a = Rational(Int128.max - 1, Int128.max)
        let b = Rational(Int128.max - 2, Int128.max - 1)
        #expect(b < a)
        #expect(!(a < b))
        #expect(Rational.max(a, b) == a)
    }

    @Test func descriptionIsExactWhenTheDecimalTerminates() {
        #expect(Rational(decimal: "56.850")!.description == "56.85")
        #expect(Rational(47).description == "47")
        #expect(Rational(1, 3).description == "0.333333333333")
    }
}

@Suite struct DecimalLiteralTests {
    @Test("what a literal says about its digits", arguments: [
        ("864.40", 3, 1, false, false), ("1e-20", 0, 20, true, false), ("100000000000000000000", 21, 0, false, false),
        ("-0", 0, 0, false, true), ("0.000", 0, 0, false, false), ("4e6", 7, 0, true, false), ("-12.5", 2, 1, false, true),
        ("0012.3400", 2, 2, false, false), ("1.5E+2", 3, 0, true, false),
    ])
    func describes(text: String, integerDigits: Int, decimals: Int, exponent: Bool, minus: Bool) throws {
        let literal = try #require(DecimalLiteral(text))
        #expect(literal.integerDigits == integerDigits)
        #expect(literal.decimalPlaces == decimals)
        #expect(literal.hasExponent == exponent)
        #expect(literal.hasMinusSign == minus)
        #expect(literal.value == Rational(decimal: text))
    }

    @Test("hostile literals are refused before they cost anything", arguments: [
        "1e41", "1e-41", "1e99999999", String(repeating: "9", count: 41), "1e+", "1e1.5", "--1",
    ])
    func refuses(text: String) {
        #expect(DecimalLiteral(text) == nil)
    }
}

@Suite struct RoundingTests {
    @Test("each mode at its edge", arguments: [
        ("0.968516", "10", Rounding.Mode.halfUp, 2, "9.69"),
        ("0.968516", "10", .truncate, 2, "9.68"),
        ("0.86203", "10", .integer, 2, "9"),
        ("0.0125", "10", .halfUp, 2, "0.13"),
        ("0.01249", "10", .halfUp, 2, "0.12"),
        ("-0.0125", "10", .halfUp, 2, "-0.13"),
        ("0.9999", "10", .truncate, 2, "9.99"),
        ("0.845", "10", .integer, 0, "8"),
        ("0.85", "10", .integer, 0, "9"),
        ("0.98985", "1", .halfUp, 4, "0.9899"),
    ])
    func rounds(fraction: String, weight: String, mode: Rounding.Mode, places: Int, expected: String) {
        let value = Rational(decimal: fraction)! * Rational(decimal: weight)!
        #expect(Rounding(mode: mode, places: places).format(value) == expected)
    }

    @Test func integerModeIgnoresPlaces() {
        #expect(Rounding(mode: .integer, places: 2).places == 0)
    }
}

@Suite struct MoneyTests {
    @Test func yuanAndWanAreConvertedExactly() {
        #expect(Money(decimal: "864.40", unit: .wan) == Money(fen: 864_400_000))
        #expect(Money(decimal: "864.40", unit: .wan)?.yuanString == "8644000.00")
        #expect(Money(decimal: "0.000001", unit: .wan)?.fen == 1)
        #expect(Money(decimal: "8556300", unit: .yuan)?.wanString == "855.63")
        #expect(Money(decimal: "0.01", unit: .yuan)?.fen == 1)
    }

    @Test("finer than a fen, exponents, negative zero and 10¹³ yuan are refused", arguments: [
        ("0.001", Money.Unit.yuan), ("0.0000001", .wan), ("1e5", .yuan), ("-0", .yuan), ("-0.00", .wan),
        ("10000000000000", .yuan), ("1000000000", .wan),
    ])
    func refusesFractionsOfAFen(text: String, unit: Money.Unit) {
        #expect(Money(decimal: text, unit: unit) == nil)
    }

    @Test func theLargestAmountsAreAccepted() {
        #expect(Money(decimal: "9999999999999.99", unit: .yuan)?.storedFen == 999_999_999_999_999)
        #expect(Money(decimal: "999999999.999999", unit: .wan)?.storedFen == 999_999_999_999_999)
        #expect(Money(decimal: "-12.50", unit: .yuan)?.fen == -1_250)
    }

    @Test func wanStringRoundsHalfUp() {
        #expect(Money(fen: 181_662_458).wanString == "181.66")
        #expect(Money(fen: 5_000).wanString == "0.01")
        #expect(Money(fen: 4_999).wanString == "0.00")
    }

    @Test func ratioOfZeroIsUndefined() {
        #expect(Rational.ratio(Money(fen: 5), of: .zero) == nil)
        #expect(Rational.ratio(Money(fen: 855_630_000), of: Money(fen: 864_400_000))?.percentString(places: 0) == "99%")
    }
}
