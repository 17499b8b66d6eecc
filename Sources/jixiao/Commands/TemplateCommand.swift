import ArgumentParser
import JixiaoCore
import JixiaoIO

/// `jixiao template list|show`: the built-in evaluation templates.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "List and show the built-in evaluation templates.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in templates.")

        func run() {
            for template in TemplateCatalog.builtIn.templates {
                Terminal.output("\(template.id)\t\(template.name)\(template.provisional ? "（暂定）" : "")")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one template's rules.")

        @Argument(help: "The template id (see `jixiao template list`).")
        var id: String

        @Flag(help: "Print the template as JSON, in the shape of the built-in files.")
        var json = false

        func run() throws {
            guard let template = TemplateCatalog.builtIn.template(id: id) else {
                Terminal.error(TemplateCatalog.builtIn.unknown(id))
                throw ExitCode(ExitCodes.invalidInput)
            }
            Terminal.output(json ? TemplateEncoder.encode(template).serialized() : describe(template))
        }

        private func describe(_ template: EvaluationTemplate) -> String {
            var lines = ["\(template.id)  \(template.name)\(template.provisional ? "（暂定）" : "")",
                         template.description, "指标框架："]
            for level in template.levels {
                lines.append("  \(level.name) \(level.weight) 分：\(level.children.joined(separator: "、"))")
            }
            let place = template.budget.level.map { "（计入\($0)）" } ?? ""
            lines.append("  \(template.budget.label) \(template.budget.weight) 分\(place)：W × min(执行数/全年预算数, 1)")
            lines.append("反向指标公式：\(template.reverse.rawValue)")
            let bands = template.qualitative
            lines.append("定性档次：达成 \(bands.achieved.lowerBound)–\(bands.achieved.upperBound)，部分达成 "
                + "\(bands.partial.lowerBound)–\(bands.partial.upperBound)，未达成 "
                + "\(bands.failed.lowerBound)–\(bands.failed.upperBound)（占分值比例）")
            lines.append("取舍：\(template.rounding.mode.rawValue)，\(template.rounding.places) 位小数")
            lines.append("等级：" + template.grades.map { "\($0.name) ≥ \($0.minimum)" }.joined(separator: "，"))
            return lines.joined(separator: "\n")
        }
    }
}
