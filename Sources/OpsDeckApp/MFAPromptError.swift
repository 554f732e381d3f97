/// Why no MFA code could be had.
enum MFAPromptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The user cancelled the prompt.
    case cancelled(serial: String)
    /// Nobody can be asked: no terminal and no `--mfa-code`.
    case noTerminal(serial: String)

    var description: String {
        switch self {
        case .cancelled(let serial):
            "MFA code entry for \(serial) was cancelled; refresh again (r, or `opsdeck refresh`) and enter the code"
        case .noTerminal(let serial):
            "a role needs the MFA code of \(serial) and there is no terminal to ask on; pass --mfa-code"
        }
    }
}
