/// A small JSON value, for the nested input and event objects.
indirect enum JSONValue {
  case string(String)
  case integer(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  subscript(_ key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.0 == key }?.1
  }
  var string: String? { if case .string(let text) = self { text } else { nil } }
  var integer: Int? { if case .integer(let number) = self { number } else { nil } }
  var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
  /// The one key and value of a synthesized enum encoding (`{"case":{…}}`).
  var single: (String, JSONValue)? {
    guard case .object(let members) = self, members.count == 1 else { return nil }
    return members[0]
  }
}
