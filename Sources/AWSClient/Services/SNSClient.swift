/// Amazon SNS: topics, and publishing to one.
public struct SNSClient: Sendable {
    /// The core the calls go through.
    public var core: AWSClientCore

    /// Creates a client.
    public init(core: AWSClientCore) {
        self.core = core
    }

    /// The ARNs of every topic in the region.
    /// - Throws: `AWSClientError`.
    public func listTopics() async throws(AWSClientError) -> [String] {
        let context = core.context(.sns, operation: "ListTopics")
        return try await Paginator(context: context).collect { token throws(AWSClientError) in
            var parameters = QueryParameters()
            parameters.set("NextToken", token)
            let result = try await core.query(.sns, action: "ListTopics", parameters: parameters)
            return (result.members("Topics").compactMap { $0.string("TopicArn") }, result.string("NextToken"))
        }
    }

    /// Publishes `message` to a topic and returns the message id.
    /// - Throws: `AWSClientError`.
    public func publish(topicArn: String, message: String, subject: String? = nil)
        async throws(AWSClientError)
        -> String
    {
        var parameters = QueryParameters()
        parameters.set("TopicArn", topicArn)
        parameters.set("Message", message)
        parameters.set("Subject", subject)
        let result = try await core.query(.sns, action: "Publish", parameters: parameters)
        guard let id = result.string("MessageId") else {
            throw .invalidResponse(
                context: core.context(.sns, operation: "Publish"), reason: "no MessageId in the answer",
                requestId: nil)
        }
        return id
    }
}
