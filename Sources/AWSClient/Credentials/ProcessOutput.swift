import Foundation

/// What a finished child process left behind.
public struct ProcessOutput: Sendable, Equatable {
    /// The exit status; 0 is success.
    public var status: Int32
    /// Everything written to standard output (for `credential_process`, the secret JSON).
    public var standardOutput: Data
    /// Everything written to standard error; safe to show, unlike standard output.
    public var standardError: Data

    /// Creates an output from its parts.
    public init(status: Int32, standardOutput: Data, standardError: Data = Data()) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}
