import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// `jixiao similar-text --year Y [--csv]`: passages of the year's written reports two departments share.
struct SimilarTextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar-text",
        abstract: "List passages of a year's reports that two departments share (80 % or more by default, shingled MinHash).")

    @Option(help: "The year whose reports are compared.")
    var year: Int

    @Flag(help: "Print one CSV row per pair (UTF-8 with a byte-order mark, for Excel).")
    var csv = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let year = self.year
        let (pairs, departments) = try await store.withStore { database in
            let passages = try await PassageFingerprints(database: database).all(year: year)
            return (NearDuplicates.pairs(passages, threshold: TemplateCatalog.builtIn.checks.nearDuplicateSimilarity),
                    Set(passages.map(\.passage.code)).count)
        }
        if csv {
            var writer = CSVWriter()
            writer.append(["相似度", "部门甲编码", "部门甲", "段落甲", "部门乙编码", "部门乙", "段落乙", "文字"])
            for pair in pairs {
                writer.append([pair.similarity.percentString(places: 0), pair.first.code, pair.first.name, pair.first.place,
                               pair.second.code, pair.second.name, pair.second.place, pair.first.text])
            }
            FileHandle.standardOutput.write(Data(writer.text.utf8))
        } else {
            let lines = pairs.prefix(200).map { pair in
                "  \(pair.similarity.percentString(places: 0))  \(pair.first.name)（\(pair.first.place)）"
                    + " ↔ \(pair.second.name)（\(pair.second.place)）"
            }
            let least = TemplateCatalog.builtIn.checks.nearDuplicateSimilarity.percentString(places: 0)
            Terminal.output((["\(year) 年 \(departments) 个部门中，\(pairs.count) 对段落文字相似度达到 \(least) 以上。"] + lines)
                .joined(separator: "\n"))
        }
    }
}
