/// An element of a question bank file (Moodle XML) in plain Swift values, with its line.
/// `BankXMLReader` makes them; no libxml2 type leaves that file.
struct BankElement: Sendable, Equatable {
  var name: String
  var attributes: [String: String]
  var children: [BankElement]
  /// The element's own text and CDATA, joined (not its children's).
  var text: String
  /// The line of the start tag.
  var line: Int

  /// The first child element named `name`.
  func child(_ name: String) -> BankElement? {
    children.first { $0.name == name }
  }

  /// Every child element named `name`, in order.
  func children(named name: String) -> [BankElement] {
    children.filter { $0.name == name }
  }

  /// The text of the `<text>` child (Moodle's `<name><text>…</text></name>` shape), else the
  /// element's own text.
  var textValue: String {
    child("text")?.text ?? text
  }
}
