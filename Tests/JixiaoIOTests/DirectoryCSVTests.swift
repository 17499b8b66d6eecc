import Foundation
import JixiaoCore
import JixiaoIO
import Testing

/// 单位名录 from CSV: columns found by their Chinese names, UTF-8 or GB18030, every faulty row named.
@Suite struct DirectoryCSVTests {
    @Test func aListIsReadByItsHeadersInEitherEncoding() throws {
        let text = "\u{FEFF}单位类型,单位编码,单位名称,行政区划,归口处室\r\n群团组织,440112-KX,区科学技术协会,黄埔区,科教文处\r\n"
            + "行政单位,440113-WJ,区卫生健康局,,社会保障处\r\n,,,,\r\n"
        let expected = [
            DirectoryCSV.Entry(code: "440112-KX", name: "区科学技术协会",
                               attributes: OrganisationAttributes(region: "黄埔区", group: "科教文处", category: "群团组织")),
            DirectoryCSV.Entry(code: "440113-WJ", name: "区卫生健康局",
                               attributes: OrganisationAttributes(region: "", group: "社会保障处", category: "行政单位")),
        ]
        #expect(try DirectoryCSV.read(Data(text.utf8), file: "名录.csv") == expected)
        #expect(try DirectoryCSV.read(Data(PaymentCSVTests.gb18030(String(text.dropFirst()))), file: "名录.csv") == expected)
        // Only code and name are required.
        #expect(try DirectoryCSV.read(Data("编码,名称\n1,甲\n".utf8), file: "f").first?.attributes == OrganisationAttributes())
    }

    @Test func everyFaultyRowIsNamed() throws {
        let error = try #require(throws: InputError.self) {
            try DirectoryCSV.read(Data("单位编码,单位名称\nA,甲\n,乙\nA,丙\nB,\n".utf8), file: "f")
        }
        #expect(error.issues.map(\.path) == ["第 3 行（单位编码）", "第 4 行（单位编码）", "第 5 行（单位名称）"])
        #expect(error.issues[1].chinese == "“A”与第 2 行重复")
        let header = try #require(throws: InputError.self) { try DirectoryCSV.read(Data("名称,区划\n甲,黄埔区\n".utf8), file: "f") }
        #expect(header.issues.map(\.chinese) == ["缺少“单位编码”列"])
    }
}
