import Foundation
import JixiaoCore

/// ``ScoringInputs`` as a JSON document the evaluation snapshot keeps beside its result, so a what-if re-scores a
/// province from these small documents instead of loading every year. The template is written as a bundle writes
/// it, each indicator as a bundle entry without its measure and progress, and each actual value exactly (a
/// fraction where it does not terminate, such as 2 tasks on time in 3).
public enum ScoringInputsJSON {
    /// The document of a year's scoring inputs.
    public static func encode(_ inputs: ScoringInputs) -> JSONValue {
        .object([
            "template": BundleWriter.template(inputs.templateChoice),
            "budget": .object(["initial": .string(inputs.budget.initial.yuanString),
                               "adjusted": .string(inputs.budget.adjusted.yuanString),
                               "executed": .string(inputs.budget.executed.yuanString)]),
            "indicators": .array(inputs.entries.map { entry in
                var indicator = entry.indicator
                indicator.measure = nil
                indicator.progress = []
                let source: JSONValue = switch entry.source {
                case .given?: .string("given")
                case .measured?: .string("measured")
                case nil: .null
                }
                return .object(["indicator": BundleWriter.indicator(indicator),
                                "actual": entry.actual.map { .string($0.fractionText) } ?? .null,
                                "source": source])
            }),
        ])
    }

    /// Reads a document ``encode(_:)`` wrote; fails naming each fault (a snapshot written by another release).
    public static func decode(_ text: String, catalog: TemplateCatalog = .builtIn) throws -> ScoringInputs {
        let file = "scoring inputs"
        let log = IssueLog()
        let root = JSONNode(value: try JSONParser.document(Data(text.utf8), file: file), path: "", log: log)
        let reader = BundleDecoding(root: root, catalog: catalog)
        let choice = TemplateDecoder.resolve(root["template"], catalog: catalog)?.1
        func money(_ key: String) -> Money? {
            let node = root["budget"][key]
            guard let text = node.string() else { return nil }
            guard let amount = Money(decimal: text, unit: .yuan) else {
                node.fail("\"\(text)\" is not an amount in yuan", "“\(text)”不是以元为单位的金额")
                return nil
            }
            return amount
        }
        let (initial, adjusted, executed) = (money("initial"), money("adjusted"), money("executed"))
        let entries = root["indicators"].array().compactMap { node -> ScoringInputs.Entry? in
            guard let indicator = reader.indicators(JSONNode(value: .array([node["indicator"].value ?? .null]),
                                                             path: node["indicator"].path, log: log),
                                                    template: nil, year: nil).first else { return nil }
            var actual: Rational?
            if let text = node["actual"].string(required: false) {
                actual = Rational(fraction: text)
                if actual == nil { node["actual"].fail("\"\(text)\" is not a fraction", "“\(text)”不是分数") }
            }
            let source: ActualSource? = switch node["source"].string(required: false) {
            case "given"?: .given
            case "measured"?: .measured(records: [])
            default: nil
            }
            return ScoringInputs.Entry(indicator: indicator, actual: actual, source: source)
        }
        guard log.issues.isEmpty, let choice, let initial, let adjusted, let executed else {
            throw InputError(file: file, issues: log.issues)
        }
        return ScoringInputs(templateChoice: choice,
                             budget: BudgetTotals(initial: initial, adjusted: adjusted, executed: executed),
                             entries: entries)
    }
}
