/// An organizational unit (or the root) in the AWS Organization tree.
public struct OrganizationalUnit: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// nil for the root.
    public var parentId: String?
    /// Slash-separated names from the root, e.g. `Root/Workloads/Prod`.
    public var path: String

    public init(id: String, name: String, parentId: String?, path: String) {
        self.id = id
        self.name = name
        self.parentId = parentId
        self.path = path
    }

    /// Depth below the root (the root is 0).
    public var depth: Int { path.split(separator: "/").count - 1 }
}
