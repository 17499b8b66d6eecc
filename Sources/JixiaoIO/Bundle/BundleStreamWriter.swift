import Foundation
import JixiaoCore

/// Writes a bundle to a file while payments are still arriving: everything before `payments` and the payments the
/// year already has go out first, each new payment as it comes, the rest at ``finish()``. Memory stays constant
/// however many payments are added. The output is the same text ``BundleWriter`` would produce.
public final class BundleStreamWriter {
    private let handle: FileHandle
    private let unit: Money.Unit
    private var tail: [JSONValue.Member] = []
    private var buffer = ""
    private var wrotePayment = false

    /// Starts the file with the year as it is (its own payments included).
    public init(_ year: DepartmentYear, to file: URL) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        handle = try FileHandle(forWritingTo: file)
        unit = year.moneyUnit
        guard case .object(let members) = BundleWriter.encode(year) else { preconditionFailure("a bundle is an object") }
        let split = members.firstIndex { $0.key == "payments" } ?? members.count
        var head = "{"
        for (index, member) in members[..<split].enumerated() {
            head += (index == 0 ? "\n" : ",\n") + line(member)
        }
        head += (split == 0 ? "\n" : ",\n") + "  \"payments\": ["
        write(head)
        if split < members.count { tail = Array(members[(split + 1)...]) }
        for payment in year.payments { try append(payment) }
    }

    /// Adds one payment at the end of the payments.
    public func append(_ payment: Payment) throws {
        buffer += wrotePayment ? ",\n    " : "\n    "
        BundleWriter.payment(payment, unit: unit).write(to: &buffer, indent: 4)
        wrotePayment = true
        if buffer.utf8.count >= 1 << 20 { try flush() }
    }

    /// Closes the payments and writes the rest of the bundle.
    public func finish() throws {
        var end = wrotePayment ? "\n  ]" : "]"
        for member in tail { end += ",\n" + line(member) }
        write(end + "\n}\n")
        try flush()
        try handle.close()
    }

    private func line(_ member: JSONValue.Member) -> String {
        var key = ""
        JSONValue.writeString(member.key, to: &key)
        return "  " + key + ": " + member.value.serialized(indentation: 2)
    }

    private func write(_ text: String) { buffer += text }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}
