import Foundation

/// 64-bit FNV-1a: the item cache's key and the fast path's string table (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        add(UnsafeRawBufferPointer(bytes))
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        value = h
    }

    /// Adds the bytes and then their count (so that "ab" + "c" and "a" + "bc" differ).
    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
        add(UInt64(bytes.count))
    }

    mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add($0) }
    }
}
