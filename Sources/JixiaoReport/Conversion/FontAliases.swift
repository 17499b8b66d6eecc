/// The fontconfig aliases that let LibreOffice print a document naming the official Windows faces on a machine that
/// has only free CJK faces. The document keeps the official names, so it is right on the clerk's machine.
enum FontAliases {
    /// Official face → preferred installed faces, in order.
    static let aliases: [(String, [String])] = [
        ("仿宋_GB2312", serif), ("仿宋", serif), ("FangSong", serif),
        ("方正小标宋简体", serif), ("宋体", serif), ("SimSun", serif),
        ("黑体", sans), ("SimHei", sans),
        ("楷体_GB2312", kai), ("楷体", kai), ("KaiTi", kai),
    ]

    static let serif = ["Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"]
    static let sans = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"]
    static let kai = ["AR PL KaitiM GB", "AR PL UKai CN", "Noto Serif CJK SC"]

    /// A fonts.conf that includes the system configuration and adds the aliases.
    static var configuration: String {
        var lines = ["<?xml version=\"1.0\"?>", "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">", "<fontconfig>",
                     "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"]
        for (family, preferred) in aliases {
            let prefer = preferred.map { "<family>\($0)</family>" }.joined()
            lines.append("  <alias binding=\"same\"><family>\(family)</family><prefer>\(prefer)</prefer></alias>")
        }
        lines.append("</fontconfig>")
        return lines.joined(separator: "\n") + "\n"
    }
}
