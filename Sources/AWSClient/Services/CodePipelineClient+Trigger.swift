import Foundation

extension CodePipelineClient.PipelineExecution {
    /// What started the execution, for people: the trigger type, who (from the detail's
    /// ARN) and the source revision's summary, such as
    /// `StartPipelineExecution by alice: Fix login`.
    public var triggerLabel: String? {
        let summary = Self.summaryLine(sourceRevisionSummary)
        guard let type = triggerType?.trimmingCharacters(in: .whitespaces), !type.isEmpty else {
            return summary
        }
        var label = type
        if let initiator = Self.initiator(triggerDetail) { label += " by \(initiator)" }
        if let summary { label += ": \(summary)" }
        return label
    }

    /// The person or thing in a trigger detail: the session of an assumed role, the user,
    /// the role or the EventBridge rule. Nil for details that name no one (a CodeStar
    /// connection behind a webhook).
    static func initiator(_ detail: String?) -> String? {
        guard let detail = detail?.trimmingCharacters(in: .whitespaces), !detail.isEmpty else { return nil }
        guard detail.hasPrefix("arn:") else {
            return detail.count <= 64 && !detail.contains(" ") ? detail : nil
        }
        let parts = detail.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        let resource = parts[5].split(separator: "/").map(String.init)
        switch resource.first {
        case "assumed-role" where resource.count >= 3: return resource[2]
        case "user", "role", "rule": return resource.last
        case "root": return "root"
        default: return nil
        }
    }

    /// The first line of a revision summary. CodeStar connections send JSON
    /// (`{"ProviderType":"GitHub","CommitMessage":"..."}`); others send the message itself.
    static func summaryLine(_ summary: String?) -> String? {
        guard var text = summary?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return nil
        }
        if text.hasPrefix("{"),
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        {
            guard let message = object["CommitMessage"] as? String else { return nil }
            text = message
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return trimmed.count > 72 ? String(trimmed.prefix(71)) + "…" : trimmed
    }
}
