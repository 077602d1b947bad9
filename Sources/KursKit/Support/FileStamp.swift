import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What identifies one version of a file without reading it: size, modification time (in
/// nanoseconds) and inode. An edit, a replacement or a copy over it changes the stamp. Used
/// by caches that must notice a changed file at once (the course list, the cohort index).
public struct FileStamp: Sendable, Equatable {
  public var size: Int
  public var modified: Int
  public var inode: Int

  /// The stamp of an open file.
  static func of(descriptor: Int32) -> FileStamp? {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    return FileStamp(info)
  }

  static func of(path: String) -> FileStamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileStamp(info)
  }

  private init(_ info: stat) {
    size = Int(info.st_size)
    modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
    inode = Int(info.st_ino)
  }

  init(size: Int, modified: Int, inode: Int) {
    self.size = size
    self.modified = modified
    self.inode = inode
  }
}
