import Foundation
import JixiaoCore

/// Reads the rules a what-if tries, written as a bundle's `template` field: a built-in id or
/// `{ "base": id, …overrides }` scores every department by that one template; the overrides alone
/// (`{ "budget": { "weight": "20" } }`) are laid over each department's own template.
public enum WhatIfRulesReader {
    /// Decodes rules from JSON text; `file` names the source in errors.
    public static func decode(_ data: Data, file: String, catalog: TemplateCatalog = .builtIn) throws -> WhatIf.Rules {
        try decode(JSONParser.document(data, file: file), file: file, catalog: catalog)
    }

    /// Decodes rules already parsed (or assembled from a form); `file` names the source in errors.
    public static func decode(_ value: JSONValue, file: String, catalog: TemplateCatalog = .builtIn) throws -> WhatIf.Rules {
        let log = IssueLog()
        let node = JSONNode(value: value, path: "", log: log)
        var rules: WhatIf.Rules?
        if case .object = value, !node["base"].isPresent {
            if node.object(allowing: TemplateDecoder.overrideFields.subtracting(["base"])) {
                let levels = Set(catalog.ids.compactMap(catalog.template(id:)).flatMap { $0.levels.map(\.name) })
                let overrides = TemplateDecoder.overrides(node, levels: levels)
                if overrides.isEmpty, log.issues.isEmpty { node.fail("changes nothing (expected at least one override)", "没有改动任何规则") }
                rules = .overrides(overrides)
            }
        } else if let (template, _) = TemplateDecoder.resolve(node, catalog: catalog) {
            rules = .template(template)
        }
        guard let rules, log.issues.isEmpty else { throw InputError(file: file, issues: log.issues) }
        return rules
    }
}
