import Foundation

/// What `opsdeck doctor` reports about credentials: for the chosen profile, each source of
/// the chain in order and what became of it. Holds no secret: of the credentials used, only
/// the last four characters of the access key id.
public struct CredentialDiagnosis: Sendable, Equatable {
    /// What became of one source.
    public enum Outcome: Sendable, Equatable {
        /// This source supplied the credentials.
        case used(label: String, accessKeyIdSuffix: String, expiration: Date?)
        /// Not configured, with the reason ("AWS_ACCESS_KEY_ID not set").
        case skipped(String)
        /// Configured but broken; the chain stops here, as the CLI's does.
        case failed(String)
        /// After the source that was used or failed, so not looked at.
        case notReached
    }

    /// One source and its outcome.
    public struct Step: Sendable, Equatable {
        /// The source's name: "environment", "assume role", "SSO", ...
        public var source: String
        /// What became of it.
        public var outcome: Outcome

        /// Creates a step.
        public init(source: String, outcome: Outcome) {
            self.source = source
            self.outcome = outcome
        }
    }

    /// The profile the chain ran for.
    public var profile: ProfileSelection
    /// The sources in chain order; empty when `problem` stopped everything first.
    public var steps: [Step]
    /// A problem before any source: an unparsable config file, a missing profile.
    public var problem: String?

    /// Creates a diagnosis.
    public init(profile: ProfileSelection, steps: [Step], problem: String? = nil) {
        self.profile = profile
        self.steps = steps
        self.problem = problem
    }

    /// The step whose credentials are used, if any.
    public var usedStep: Step? {
        steps.first { if case .used = $0.outcome { true } else { false } }
    }

    /// Whether some source supplied credentials.
    public var hasCredentials: Bool { usedStep != nil }

    /// The last four characters of an access key id, as `…ABCD`.
    static func suffix(of accessKeyId: String) -> String {
        "…" + accessKeyId.suffix(4)
    }
}
