import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a course file so that checking where it is and reading it are one operation: the path
/// is walked from the course folder one name at a time with `openat(2)` and `O_NOFOLLOW`, so a
/// file swapped for a symbolic link after `PathResolver` looked at it is refused, not followed
/// out of the folder. No name under the folder may be a symbolic link (`course.xml` included),
/// and only a regular file is read (`O_NONBLOCK`, so a FIFO cannot make the reader wait).
enum ConfinedFile {
  /// Why a file was not read: the message says what to do.
  enum AccessError: Error, Equatable, CustomStringConvertible {
    /// `name` (a part of the path under the folder) is a symbolic link.
    case symbolicLink(String)
    /// Not a regular file (a folder, a device, a FIFO).
    case notRegularFile
    /// Larger than the limit, in bytes.
    case tooLarge(Int)
    /// The system's error (`errno`).
    case system(Int32)

    var description: String { message }

    var message: String {
      switch self {
      case .symbolicLink(let name):
        return
          "'\(name)' is a symbolic link; Kurs reads only files inside the course folder itself: copy the file into the folder instead"
      case .notRegularFile:
        return "not a regular file; name a course file"
      case .tooLarge(let size):
        return
          "file is \(size / (1024 * 1024)) MiB; course files may be at most \(XMLReader.maximumFileSize / (1024 * 1024)) MiB: split the course into module files"
      case .system(let code):
        return code == ENOENT ? "no such file" : String(cString: strerror(code)).lowercased()
      }
    }
  }

  /// The bytes of `url`, opened name by name from the folder of `roots` that holds it (the
  /// deepest), or from its own folder when none does.
  /// - Throws: `AccessError`.
  static func read(_ url: URL, roots: [URL], maximumSize: Int) throws(AccessError) -> [UInt8] {
    let path = url.standardizedFileURL.path
    let root =
      roots.map { $0.standardizedFileURL.path }
      .filter { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
      .max { $0.count < $1.count }
      ?? url.standardizedFileURL.deletingLastPathComponent().path
    let relative = path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1)
    let names = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard let last = names.last else { throw .notRegularFile }

    var directory = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directory >= 0 else { throw .system(errno) }
    defer { close(directory) }
    for name in names.dropLast() {
      let next = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard next >= 0 else { throw failure(errno, name: name, in: directory) }
      close(directory)
      directory = next
    }
    let file = openat(directory, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard file >= 0 else { throw failure(errno, name: last, in: directory) }
    defer { close(file) }
    var status = stat()
    guard fstat(file, &status) == 0 else { throw .system(errno) }
    guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile }
    guard Int(status.st_size) <= maximumSize else { throw .tooLarge(Int(status.st_size)) }

    // Read to the end, but never more than the limit, whatever the size said.
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard bytes.count <= maximumSize else { throw .tooLarge(bytes.count) }
        bytes += [UInt8](repeating: 0, count: min(bytes.count, maximumSize + 1 - bytes.count))
      }
      let read = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.read(file, base + count, buffer.count - count)
      }
      if read < 0 {
        if errno == EINTR { continue }
        throw .system(errno)
      }
      if read == 0 { break }
      count += read
    }
    return Array(bytes[0..<count])
  }

  /// What a failed `openat` of `name` means: a symbolic link (`ELOOP`, or `ENOTDIR` for a
  /// link where a folder was expected), or the system's error.
  private static func failure(_ code: Int32, name: String, in directory: Int32) -> AccessError {
    var status = stat()
    if code == ELOOP || code == ENOTDIR,
      fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0,
      status.st_mode & S_IFMT == S_IFLNK
    {
      return .symbolicLink(name)
    }
    return .system(code)
  }
}
