import Foundation

/// A ZIP file (PKWARE APPNOTE 6.3, the subset every reader knows): stored entries, no
/// compression, no ZIP64, UTF-8 names. Learning platforms unpack it on upload; the page inside
/// is small enough that compression would save little and cost a deflater.
///
/// Built in memory and returned whole, so that the caller writes it through a temporary file
/// and a rename (`AtomicFile`): a package is never half-written.
public struct ZipArchive: Sendable {
  /// Why an archive cannot be built.
  public enum ZipError: Error, Equatable, CustomStringConvertible {
    /// A name that would unpack outside the package folder, or is empty, or repeats.
    case badName(String)
    /// The archive would need ZIP64 (an entry or the whole over 4 GiB, over 65,535 entries).
    case tooLarge

    public var description: String {
      switch self {
      case .badName(let name):
        return "the package cannot hold a file named '\(name)' (empty, absolute, '..' or repeated)"
      case .tooLarge:
        return "the package would be larger than 4 GiB; a course is never that large"
      }
    }
  }

  private struct Entry: Sendable {
    var name: String
    var data: Data
  }

  private var entries: [Entry] = []
  /// When the entries were written, as the archive records it (MS-DOS time, 2-second steps, no
  /// zone): injected, so that the same course gives the same bytes.
  public var modified: Date

  public init(modified: Date) {
    self.modified = modified
  }

  /// Adds a file at `name` (a relative path with `/`).
  /// - Throws: `ZipError.badName` for an empty, absolute, `..` or repeated name.
  public mutating func add(_ name: String, _ data: Data) throws(ZipError) {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"),
      parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }),
      !entries.contains(where: { $0.name == name })
    else { throw .badName(name) }
    entries.append(Entry(name: name, data: data))
  }

  /// The names, in the order they were added.
  public var names: [String] { entries.map(\.name) }

  /// The archive's bytes: each entry's local header and data, then the central directory.
  /// - Throws: `ZipError.tooLarge` past what a ZIP without ZIP64 can say.
  public func data() throws(ZipError) -> Data {
    guard entries.count <= 0xFFFF else { throw .tooLarge }
    let (time, date) = Self.dosTime(modified)
    var body = Data()
    var directory = Data()
    for entry in entries {
      let name = Data(entry.name.utf8)
      let offset = body.count
      guard entry.data.count <= 0xFFFF_FFFE, offset <= 0xFFFF_FFFE, name.count <= 0xFFFF else {
        throw .tooLarge
      }
      let crc = CRC32.checksum(entry.data)
      // Local file header.
      body.append(le32: 0x0403_4B50)
      body.append(le16: 10)  // version needed: 1.0, stored
      body.append(le16: 0x0800)  // bit 11: the name is UTF-8
      body.append(le16: 0)  // method: stored
      body.append(le16: time)
      body.append(le16: date)
      body.append(le32: crc)
      body.append(le32: UInt32(entry.data.count))
      body.append(le32: UInt32(entry.data.count))
      body.append(le16: UInt16(name.count))
      body.append(le16: 0)  // no extra field
      body.append(name)
      body.append(entry.data)
      // Its central directory header.
      directory.append(le32: 0x0201_4B50)
      directory.append(le16: 0x031E)  // made by: Unix (3), APPNOTE 3.0
      directory.append(le16: 10)
      directory.append(le16: 0x0800)
      directory.append(le16: 0)
      directory.append(le16: time)
      directory.append(le16: date)
      directory.append(le32: crc)
      directory.append(le32: UInt32(entry.data.count))
      directory.append(le32: UInt32(entry.data.count))
      directory.append(le16: UInt16(name.count))
      directory.append(le16: 0)  // extra
      directory.append(le16: 0)  // comment
      directory.append(le16: 0)  // disk
      directory.append(le16: 0)  // internal attributes
      directory.append(le32: UInt32(0o100644) << 16)  // a regular file, rw-r--r--
      directory.append(le32: UInt32(offset))
      directory.append(name)
    }
    guard body.count <= 0xFFFF_FFFE, directory.count <= 0xFFFF_FFFE else { throw .tooLarge }
    var archive = body
    archive.append(directory)
    // End of central directory.
    archive.append(le32: 0x0605_4B50)
    archive.append(le16: 0)
    archive.append(le16: 0)
    archive.append(le16: UInt16(entries.count))
    archive.append(le16: UInt16(entries.count))
    archive.append(le32: UInt32(directory.count))
    archive.append(le32: UInt32(body.count))
    archive.append(le16: 0)
    return archive
  }

  /// MS-DOS time and date fields of `date` in UTC, clamped to the years DOS can say (1980–2107).
  static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let year = min(max(parts.year ?? 1980, 1980), 2107)
    let time = ((parts.hour ?? 0) << 11) | ((parts.minute ?? 0) << 5) | ((parts.second ?? 0) / 2)
    let day = ((year - 1980) << 9) | ((parts.month ?? 1) << 5) | (parts.day ?? 1)
    return (UInt16(truncatingIfNeeded: time), UInt16(truncatingIfNeeded: day))
  }
}

extension Data {
  fileprivate mutating func append(le16 value: UInt16) {
    append(UInt8(value & 0xFF))
    append(UInt8(value >> 8))
  }

  fileprivate mutating func append(le32 value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }
}
