import Foundation

/// A row of a department's year as the store holds it: the engine's value, with the id that names the row and the
/// version a change must name (a change made from an older version is refused, so no one silently overwrites
/// another's work). The value's members read through it (`stored.code`).
@dynamicMemberLookup
public struct Stored<Value: Sendable>: Sendable {
    public let id: UUID
    public let version: Int
    public let value: Value

    public init(id: UUID, version: Int, value: Value) {
        self.id = id
        self.version = version
        self.value = value
    }

    public subscript<Member>(dynamicMember member: KeyPath<Value, Member>) -> Member { value[keyPath: member] }
}

extension Stored: Equatable where Value: Equatable {}
