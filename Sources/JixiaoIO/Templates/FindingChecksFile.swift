import Foundation
import JixiaoCore

/// Reads a `jixiao/checks@1` file: the bureau's thresholds for the findings rules (execution rate, spending piled
/// at the year's end, plan tolerance, procurement periods, the cross-checks, 文字雷同), each optional — what is left
/// out keeps its default — and every fault reported at once by path.
///
/// ```json
/// { "format": "jixiao/checks@1", "minimumExecutionRate": "0.85", "signingDays": 30 }
/// ```
public enum FindingChecksFile {
    /// The format string a settings file declares.
    public static let format = "jixiao/checks@1"

    /// The environment variable that names the bureau's settings file.
    public static let environmentVariable = "JIXIAO_CHECKS"

    /// A threshold of the file: its key and where it goes, with the range it must lie in.
    enum Setting {
        /// A share from 0 to 1 (0.9 is 90 %).
        case share(WritableKeyPath<FindingThresholds, Rational>)
        /// A multiple of a target, at least 1.
        case multiple(WritableKeyPath<FindingThresholds, Rational>)
        /// Percentage points.
        case points(WritableKeyPath<FindingThresholds, Rational>)
        /// A whole number of days or indicators.
        case count(WritableKeyPath<FindingThresholds, Int>, ClosedRange<Int>)
    }

    /// Every setting by its key, in the order the documentation lists them.
    static var settings: [(key: String, setting: Setting)] {
        [("minimumExecutionRate", .share(\.minimumExecutionRate)),
         ("maximumFourthQuarterShare", .share(\.maximumFourthQuarterShare)),
         ("maximumDecemberShare", .share(\.maximumDecemberShare)),
         ("planTolerance", .share(\.planTolerance)),
         ("intentLeadDays", .count(\.intentLeadDays, 0...365)),
         ("signingDays", .count(\.signingDays, 1...365)),
         ("publicationWorkingDays", .count(\.publicationWorkingDays, 1...60)),
         ("filingWorkingDays", .count(\.filingWorkingDays, 1...60)),
         ("farBeyondTarget", .multiple(\.farBeyondTarget)),
         ("fullMarksMinimumIndicators", .count(\.fullMarksMinimumIndicators, 1...1000)),
         ("onTimeRateTolerance", .points(\.onTimeRateTolerance)),
         ("nearDuplicateSimilarity", .share(\.nearDuplicateSimilarity))]
    }

    /// Decodes a settings file; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> FindingThresholds {
        let log = IssueLog()
        let root = JSONNode(value: try JSONParser.document(data, file: file), path: "", log: log)
        var thresholds = FindingThresholds()
        if root.object(allowing: Set(["format"] + settings.map(\.key))) {
            if root["format"].string() != format { root["format"].reject("\"\(format)\"", "“\(format)”") }
            for (key, setting) in settings where root[key].isPresent {
                let node = root[key]
                switch setting {
                case .share(let path):
                    guard let value = node.decimal(.share) else { continue }
                    guard value > .zero, value <= .one else {
                        node.fail("is not a share above 0 and at most 1 (0.9 is 90 %)", "应为大于 0、不超过 1 的比例（0.9 即 90%）")
                        continue
                    }
                    thresholds[keyPath: path] = value
                case .multiple(let path):
                    guard let value = node.decimal(.share) else { continue }
                    guard value >= .one else { node.fail("is below 1 (1.3 is 130 % of the target)", "小于 1（1.3 即目标的 130%）"); continue }
                    thresholds[keyPath: path] = value
                case .points(let path):
                    if let value = node.decimal(.points) { thresholds[keyPath: path] = value }
                case .count(let path, let range):
                    if let value = node.integer(in: range) { thresholds[keyPath: path] = value }
                }
            }
        }
        guard log.issues.isEmpty else { throw InputError(file: file, issues: log.issues) }
        return thresholds
    }

    /// The bureau's thresholds from the file named by ``environmentVariable``, or the defaults when none is named.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> FindingThresholds {
        guard let path = environment[environmentVariable], !path.isEmpty else { return FindingThresholds() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(file: path, issues: [ValidationIssue(path: "", message: "cannot be read",
                                                                  chinese: "无法读取")])
        }
        return try decode(data, file: path)
    }

    /// The thresholds as one line (`key=value …`, every setting), to tell whether stored findings were counted by
    /// other ones.
    public static func summary(_ thresholds: FindingThresholds) -> String {
        settings.map { key, setting in
            switch setting {
            case .share(let path), .multiple(let path), .points(let path): "\(key)=\(thresholds[keyPath: path])"
            case .count(let path, _): "\(key)=\(thresholds[keyPath: path])"
            }
        }.joined(separator: " ")
    }
}
