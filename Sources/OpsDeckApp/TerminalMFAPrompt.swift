import AWSClient
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the CLI commands get MFA codes: `--mfa-code`, else a question on the terminal with
/// echo off. The code is never echoed, logged or kept.
enum TerminalMFAPrompt {
    /// The prompt for the chain.
    /// - Parameter code: `--mfa-code`, if given.
    static func make(code: String?) -> MFACodePrompt {
        if let code, !code.isEmpty {
            return { _ in code }
        }
        return { serial in
            try await withCheckedThrowingContinuation { continuation in
                // Reading the terminal blocks: keep it off the cooperative pool.
                DispatchQueue.global().async {
                    continuation.resume(with: Result { try askOnTerminal(serial) })
                }
            }
        }
    }

    private static func askOnTerminal(_ serial: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw MFAPromptError.noTerminal(serial: serial) }
        defer { close(fd) }
        var saved = termios()
        let hasTerminal = tcgetattr(fd, &saved) == 0
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        if hasTerminal { tcsetattr(fd, TCSAFLUSH, &quiet) }
        defer {
            if hasTerminal { tcsetattr(fd, TCSAFLUSH, &saved) }
        }
        let question = Array("MFA code for \(serial): ".utf8)
        _ = question.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 64, read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        _ = write(fd, "\n", 1)
        let code = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty else { throw MFAPromptError.cancelled(serial: serial) }
        return code
    }
}
