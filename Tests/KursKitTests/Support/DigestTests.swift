import Testing

@testable import KursKit

@Suite struct DigestTests {
  @Test func hexOfBytesMatchesTheStandardVector() {
    // FIPS 180-2, appendix B.1.
    #expect(
      SHA256Digest.hex(of: Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func streamedPartsGiveTheDigestOfTheirLengthPrefixedConcatenation() {
    // Course digests are stored in journals and certificates: the streaming digest must give
    // exactly what hashing every length-prefixed part at once gave.
    let parts: [[UInt8]] = [
      Array("/course.xml".utf8), Array(repeating: 0x41, count: 70_000), [], [0xD0, 0x9C],
    ]
    var digest = SHA256Digest()
    var concatenated: [UInt8] = []
    for part in parts {
      digest.update(part)
      withUnsafeBytes(of: UInt64(part.count).bigEndian) { concatenated.append(contentsOf: $0) }
      concatenated.append(contentsOf: part)
    }
    #expect(digest.hexDigest() == SHA256Digest.hex(of: concatenated))
  }

  @Test func copiesAreIndependentAndReadingDoesNotChangeTheDigest() {
    var first = SHA256Digest()
    first.update(Array("one".utf8))
    var second = first
    second.update(Array("two".utf8))
    let firstValue = first.hexDigest()
    #expect(first.hexDigest() == firstValue)
    #expect(second.hexDigest() != firstValue)
    var again = SHA256Digest()
    again.update(Array("one".utf8))
    #expect(again.hexDigest() == firstValue)
  }
}
