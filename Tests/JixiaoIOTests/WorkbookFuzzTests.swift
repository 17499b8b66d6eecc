import Foundation
import JixiaoCore
import JixiaoFuzzing
import JixiaoOffice
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

/// Mutated workbooks, at the byte level and inside well-packaged XML parts: the import must answer with a result or
/// an input error every time, never crash.
@Suite struct WorkbookFuzzTests {
    static let rounds = 400

    @Test func fuzzedWorkbooksNeverCrashTheImport() throws {
        let year = try BundleReader().read(Fixtures.seed)
        let data = try WorkbookExport.workbook(year)
        let parts = try PackageReader().parts(of: data).sorted { $0.key < $1.key }
        var generator = SeededGenerator(seed: 11)
        var outcomes = (imported: 0, refused: 0)
        for round in 0..<Self.rounds {
            let mutated: Data
            if round % 2 == 0 {
                mutated = Data(generator.mutate(Array(data)))
            } else {
                var package = OfficePackage()
                let victim = Int.random(in: 0..<parts.count, using: &generator)
                for (index, part) in parts.enumerated() where part.key != "[Content_Types].xml" {
                    let bytes = index == victim ? Data(generator.mutate(Array(part.value))) : part.value
                    package.add(part.key, contentType: "application/xml", data: bytes)
                }
                mutated = try package.archive()
            }
            do {
                _ = try WorkbookImport().decode(mutated, file: "fuzz.xlsx")
                outcomes.imported += 1
            } catch is InputError {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.imported + outcomes.refused == Self.rounds)
        #expect(outcomes.refused > 0)
    }
}
