import Foundation

/// A group a host runs through one course. Its join code names the course and a short random
/// part (`marina-K7P4QX`); the cohort's xAPI registration is derived from the code, so a learner
/// who joins offline tags their statements with the same registration the host looks for.
public struct Cohort: Sendable, Equatable, Codable {
  public var name: String
  public var course: String
  public var code: String
  public var created: Date

  public init(name: String, course: String, code: String, created: Date) {
    self.name = name
    self.course = course
    self.code = code
    self.created = created
  }

  /// The registration (a UUID) every statement of a cohort member carries.
  public var registration: String { Self.registration(forCode: code) }

  /// Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I/L).
  static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

  /// A new code for `course`: the course id, a dash, six characters.
  public static func newCode<Generator: RandomNumberGenerator>(
    course: String, using generator: inout Generator
  ) -> String {
    let part = String(
      (0..<6).map { _ in codeAlphabet[Int.random(in: 0..<codeAlphabet.count, using: &generator)] })
    return "\(course)-\(part)"
  }

  /// The course id and the canonical form of a typed code, or `nil` when it is not a code.
  public static func parse(code typed: String) -> (course: String, code: String)? {
    let trimmed = typed.trimmingCharacters(in: .whitespaces)
    guard let dash = trimmed.lastIndex(of: "-") else { return nil }
    let course = String(trimmed[..<dash])
    let part = trimmed[trimmed.index(after: dash)...].uppercased()
    guard !course.isEmpty, part.count == 6, part.allSatisfy({ codeAlphabet.contains($0) }),
      course.unicodeScalars.allSatisfy({
        CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_"
      })
    else { return nil }
    return (course, "\(course)-\(part)")
  }

  /// A UUID (version 8, from SHA-256) that only this code produces.
  public static func registration(forCode code: String) -> String {
    let hex = Array(SHA256Digest.hex(of: Array("kurs-cohort:\(code)".utf8)))
    func part(_ range: Range<Int>) -> String { String(hex[range]) }
    return "\(part(0..<8))-\(part(8..<12))-8\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
  }
}
