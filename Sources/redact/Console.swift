import Foundation

/// Buffered standard output and unbuffered standard error.
///
/// Scan can print hundreds of thousands of lines; one `write` per 64 KiB instead of per
/// line. A closed pipe (`redact scan … | head`) ends the process quietly with status 2:
/// output that was not read must not pass for a clean scan.
enum Console {
    private nonisolated(unsafe) static var buffer: [UInt8] = []
    private static let lock = NSLock()

    static func out(_ line: String) {
        lock.lock()
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        let full = buffer.count >= 64 * 1024
        lock.unlock()
        if full { flush() }
    }

    static func outBytes(_ bytes: [UInt8]) {
        flush()
        write(bytes, to: 1)
    }

    static func flush() {
        lock.lock()
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        lock.unlock()
        write(pending, to: 1)
    }

    static func error(_ line: String) {
        write(Array((line + "\n").utf8), to: 2)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let result = Foundation.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { Foundation.exit(ExitStatus.error) }
                    return
                }
                written += result
            }
        }
    }
}
