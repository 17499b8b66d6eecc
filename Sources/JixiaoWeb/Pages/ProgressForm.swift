import Foundation
import JixiaoCore
import JixiaoIO
import Vapor

/// An indicator's progress report as posted, turned into a bundle `progress` entry for the bundle reader to check.
struct ProgressForm: Content {
    var asOf: String?
    var actual: String?
    var projected: String?
    var likelihood: String?
    var cause: String?
    var remedy: String?

    /// The fields in the order the form shows them; the bundle reader's issues are mapped back to them.
    static let fields = ["asOf", "actual", "projected", "likelihood", "cause", "remedy"]

    init(asOf: String? = nil, actual: String? = nil, projected: String? = nil, likelihood: String? = nil,
         cause: String? = nil, remedy: String? = nil) {
        (self.asOf, self.actual, self.projected, self.likelihood, self.cause, self.remedy) =
            (asOf, actual, projected, likelihood, cause, remedy)
    }

    /// The entry in bundle form: dates as typed by a clerk are accepted (2022/6/30, 2022年6月30日); blank fields are
    /// left out so that the reader says which of them are required.
    var entry: JSONValue {
        var members: [JSONValue.Member] = []
        func add(_ key: String, _ value: String) {
            if !value.isEmpty { members.append(.init(key, .string(value))) }
        }
        add("asOf", FormText.date(asOf))
        for (key, value) in [("actual", actual), ("projected", projected), ("likelihood", likelihood), ("cause", cause),
                             ("remedy", remedy)] {
            add(key, FormText.clean(value))
        }
        return .object(members)
    }

    /// The reader's issues by form field (the last part of each path), in Chinese.
    static func errors(_ error: InputError) -> FieldErrors {
        var errors = FieldErrors()
        for issue in error.issues {
            let field = issue.path.split(separator: ".").last.map(String.init) ?? ""
            let key = fields.contains(field) ? field : "asOf"
            errors[key] = [errors[key], issue.chinese].compactMap { $0 }.joined(separator: "；")
        }
        return errors
    }
}
