import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import JixiaoTestSupport
@testable import JixiaoWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseTests {
    /// 单位名录 on the web: the reviewer downloads the list, edits it and uploads it back, applied whole or not at all;
    /// the comparison filters by what it set; the auditor reads; departments are kept out.
    @Suite struct DirectoryRouteTests {
        @Test func theReviewerDownloadsEditsAndUploadsTheList() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var reviewer = Browser()
                try await reviewer.signIn(app, username: "reviewer")
                var downloaded = ""
                try await reviewer.get(app, "/compare/directory.csv") { response in
                    downloaded = response.body.string
                }
                let lines = downloaded.split(separator: "\r\n").map(String.init)
                #expect(lines.first == "\u{FEFF}单位编码,单位名称,行政区划,归口处室,单位类型" && lines.count == 3)
                try await reviewer.get(app, "/compare/directory") { response in
                    reviewer.keep(response)
                    #expect(response.status == .ok && response.body.string.contains("共 2 个单位；"))
                    #expect(response.body.string.contains("导入名录</button>"))
                }

                // The downloaded list with the seed's 行政区划 changed and a new unit added.
                let edited = lines.map { line in
                    line.hasPrefix("440112-KX,") ? "440112-KX,黄埔区科协,440112,科教处,群团组织" : line
                }.joined(separator: "\r\n") + "\r\n440113-KX,番禺区科协,440113,科教处,群团组织\r\n"
                let (status, page) = try await reviewer.upload(app, "/compare/directory", fields: [:],
                                                               file: ("单位名录.csv", Data(edited.utf8)))
                #expect(status == .ok && page.contains("单位名录已导入：更新 2 个单位，新增 1 个。"))
                #expect(page.contains("共 3 个单位；已填行政区划 2 个，归口处室 2 个，单位类型 2 个。"))
                try await reviewer.get(app, "/compare?year=2022&group=科教处") { response in
                    #expect(response.body.string.contains("黄埔区科协"))
                }

                // A faulty list changes nothing and names its row.
                let faulty = "单位编码,单位名称,行政区划\r\n440112-KX,,440199\r\n"
                let (refused, problems) = try await reviewer.upload(app, "/compare/directory", fields: [:],
                                                                    file: ("坏名录.csv", Data(faulty.utf8)))
                #expect(refused == .unprocessableEntity && problems.contains("“坏名录.csv”有 1 处问题，未导入任何单位")
                    && problems.contains("第 2 行"))
                try await reviewer.get(app, "/compare/directory.csv") { response in
                    #expect(response.body.string.contains("440112-KX,黄埔区科协,440112,科教处,群团组织"))
                }

                var auditor = Browser()
                try await auditor.signIn(app, username: "auditor")
                try await auditor.get(app, "/compare/directory") { response in
                    auditor.keep(response)
                    #expect(response.status == .ok && !response.body.string.contains("导入名录</button>"))
                }
                let (forbidden, reason) = try await auditor.upload(app, "/compare/directory", fields: [:],
                                                                   file: ("单位名录.csv", Data(edited.utf8)))
                #expect(forbidden == .forbidden && reason.contains("单位名录只由财政局审核人进行"))
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                try await preparer.get(app, "/compare/directory") { #expect($0.status == .forbidden) }
                try await preparer.get(app, "/compare/directory.csv") { #expect($0.status == .forbidden) }
            }
        }
    }
}
