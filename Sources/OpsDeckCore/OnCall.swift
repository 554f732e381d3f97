import Foundation

/// Who is on call right now for one escalation policy level.
public struct OnCall: Sendable, Hashable, Codable {
    public var userName: String
    public var userId: String
    public var escalationPolicy: String
    /// 1 is the first person paged.
    public var escalationLevel: Int
    public var scheduleName: String?
    /// nil for a permanent (non-scheduled) on-call.
    public var end: Date?

    /// Creates an on-call entry.
    public init(
        userName: String, userId: String, escalationPolicy: String, escalationLevel: Int,
        scheduleName: String? = nil, end: Date? = nil
    ) {
        self.userName = userName
        self.userId = userId
        self.escalationPolicy = escalationPolicy
        self.escalationLevel = escalationLevel
        self.scheduleName = scheduleName
        self.end = end
    }

    /// The header text: the first-level people, each once, in name order.
    public static func summary(_ onCalls: [OnCall]) -> String? {
        let firsts = onCalls.filter { $0.escalationLevel == 1 }
        let names = Set((firsts.isEmpty ? onCalls : firsts).map(\.userName)).sorted()
        guard !names.isEmpty else { return nil }
        return names.joined(separator: ", ")
    }
}
