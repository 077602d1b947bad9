/// What the executable knows about its terminal, handed to the commands.
public struct Terminal: Sendable {
  /// Whether standard input and output are a terminal (else: scripted mode).
  public var isInteractive: Bool
  /// Whether colour may be used (a terminal, and NO_COLOR unset).
  public var colour: Bool
  /// The width now, measured again on every call (a resized window).
  public var width: @Sendable () -> Int
  /// The height now, or `nil` when not a terminal.
  public var height: @Sendable () -> Int?
  /// Told what to say if the learner presses Ctrl-C: the runner's "saved, resume with …" line,
  /// in the learner's language, once the session knows it.
  public var prepareInterruptMessage: @Sendable (String) -> Void = { _ in }

  public init(
    isInteractive: Bool, colour: Bool, width: @escaping @Sendable () -> Int,
    height: @escaping @Sendable () -> Int?
  ) {
    self.isInteractive = isInteractive
    self.colour = colour
    self.width = width
    self.height = height
  }

  /// Scripted mode: no terminal, 80 columns.
  public static let scripted = Terminal(
    isInteractive: false, colour: false, width: { 80 }, height: { nil })
}
