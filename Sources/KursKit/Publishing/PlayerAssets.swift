/// The web player's files (Sources/KursKit/Resources/player), compiled into the binary by
/// scripts/embed-player so that `kurs publish` works from a binary copied anywhere, alone.
public enum PlayerAssets {
  /// The scripts of a page, in the order the page runs them: the rules, the records, the
  /// learning platform, the interface. A file another part of the work has not written yet is
  /// left out.
  public static let scriptOrder = ["engine.js", "records.js", "lms.js", "player.js"]

  /// The scripts the page inlines, in `scriptOrder`.
  public static var scripts: [(name: String, text: String)] {
    scriptOrder.compactMap { name in files[name].map { (name, $0) } }
  }
}
