import JixiaoCore

extension Charts {
    /// A department's self-score year by year against the province's median (and its region's, when given), on a
    /// 0–100 scale; a year without a score leaves a gap in its line.
    public static func scoreTrend(years: [Int], own: [Rational?], province: [Rational?], region: [Rational?]?) -> Chart {
        let (left, top, plotWidth, plotHeight) = (Rational(48), Rational(20), Rational(560), Rational(200))
        var canvas = SVGCanvas(width: 640, height: 270)
        let slots = Rational(Int128(max(years.count, 1)))
        func x(_ index: Int) -> Rational { left + plotWidth * (Rational(Int128(index)) + Rational(1, 2)) / slots }
        func y(_ score: Rational) -> Rational { top + plotHeight - plotHeight * Rational.max(.zero, Rational.min(score, Rational(100))) / 100 }
        for score in stride(from: 0, through: 100, by: 20) {
            canvas.line(left, y(Rational(score)), left + plotWidth, y(Rational(score)), stroke: "#e3e7ee")
            canvas.text(left - 6, y(Rational(score)) + 4, "\(score)", anchor: "end", size: 11, fill: muted)
        }
        for (index, year) in years.enumerated() {
            canvas.text(x(index), top + plotHeight + 16, "\(year) 年", anchor: "middle", size: 11, fill: muted)
        }
        func draw(_ values: [Rational?], stroke: String, dash: String?, width: Int) {
            let points = values.enumerated().compactMap { index, value in value.map { (x(index), y($0)) } }
            if points.count > 1 { canvas.polyline(points, stroke: stroke, dash: dash, width: width) }
            for point in points { canvas.rect(point.0 - 3, point.1 - 3, 6, 6, fill: stroke) }
        }
        draw(province, stroke: plan, dash: "8 4", width: 2)
        if let region { draw(region, stroke: muted, dash: "4 4", width: 2) }
        draw(own, stroke: actual, dash: nil, width: 3)
        legend(&canvas, at: top + plotHeight + 36,
               [("本部门自评得分", actual), ("全省中位数", plan)] + (region == nil ? [] : [("本区划中位数", muted)]))
        return canvas.chart(title: "近 \(years.count) 年自评得分与中位数对比")
    }
}
