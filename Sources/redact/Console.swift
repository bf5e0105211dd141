import Foundation
import Redaction

/// Buffered standard output and unbuffered standard error.
///
/// Scan can print hundreds of thousands of lines; one `write` per 64 KiB instead of per
/// line. A failed write (a closed pipe, a full disk) is remembered in `outputFailed`, and
/// the commands then exit 2: output that was not delivered must not pass for a clean scan
/// or a finished filter.
enum Console {
    private nonisolated(unsafe) static var buffer: [UInt8] = []
    private nonisolated(unsafe) static var failure: String?
    private static let lock = NSLock()

    /// Why writing to standard output failed, if it did.
    static var outputFailed: String? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    static func out(_ line: String) {
        lock.lock()
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        let full = buffer.count >= 64 * 1024
        lock.unlock()
        if full { flush() }
    }

    /// Queues whole lines of UTF-8, each already ending in a line break.
    static func out(lines: [UInt8]) {
        guard !lines.isEmpty else { return }
        lock.lock()
        buffer.append(contentsOf: lines)
        let full = buffer.count >= 64 * 1024
        lock.unlock()
        if full { flush() }
    }

    /// Writes raw bytes now; false if standard output failed.
    @discardableResult
    static func outBytes(_ bytes: [UInt8]) -> Bool {
        flush()
        return writeOut(bytes)
    }

    static func flush() {
        lock.lock()
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        lock.unlock()
        if !pending.isEmpty { writeOut(pending) }
    }

    /// One line to standard error, its control characters escaped (`TerminalText`): error
    /// lines name files, and a file name must not be able to print a line of its own (a
    /// forged `audit head:`).
    static func error(_ line: String) {
        _ = FileDescriptorWriter.writeAll(Array((TerminalText.escaped(line) + "\n").utf8), to: 2)
    }

    /// Text of our own, several lines (help), to standard error as it is.
    static func errorText(_ text: String) {
        _ = FileDescriptorWriter.writeAll(Array((text + "\n").utf8), to: 2)
    }

    @discardableResult
    private static func writeOut(_ bytes: [UInt8]) -> Bool {
        guard outputFailed == nil else { return false }
        guard let reason = FileDescriptorWriter.writeAll(bytes, to: 1) else { return true }
        lock.lock()
        failure = reason
        lock.unlock()
        return false
    }
}
