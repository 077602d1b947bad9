import CLibXML2
import Foundation

/// Reads a Moodle XML question bank safely: the one file of the importer that talks to
/// libxml2; no libxml2 type leaves it.
///
/// As `XMLReader` does for course files, it refuses a `<!DOCTYPE>` before libxml2 sees the file
/// (no external entity, no DTD, no entity expansion), text that is not UTF-8, anything libxml2
/// finds not well-formed (no recover mode) with its line and column, elements nested deeper
/// than libxml2's limit (256), and files larger than `maximumFileSize`. Nothing is fetched from
/// the network (`XML_PARSE_NONET`).
enum BankXMLReader {
  /// Files larger than this are refused before they are read.
  static let maximumFileSize = 64 * 1024 * 1024

  /// Parses `bytes` and returns the root element.
  /// - Parameter displayPath: the path to print in errors, as the user wrote it.
  /// - Throws: `ImportError.malformed` with the file, line and column.
  static func parse(_ bytes: [UInt8], displayPath: String) throws(ImportError) -> BankElement {
    _ = try SourceBytes.text(bytes, displayPath: displayPath)
    if let doctype = StartTagScanner(bytes: bytes).doctype {
      throw .malformed(
        SourceLocation(file: displayPath, line: doctype.line, column: doctype.column),
        "<!DOCTYPE> is not allowed: a document type can define entities that read local files or expand without bound; remove the declaration (Moodle never writes one)"
      )
    }
    guard bytes.count <= Int(Int32.max) else {
      throw .malformed(
        SourceLocation(file: displayPath, line: 1, column: 1), "the file is too large")
    }
    let collector = BankErrorCollector()
    // No NOENT (entities are not substituted), no DTDLOAD, no XINCLUDE, no RECOVER, no HUGE.
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), collectBankError)
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    // xmlReadMemory: parses a document held in memory.
    let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        xmlReadMemory(base, Int32(buffer.count), displayPath, "UTF-8", options)
      }
    }
    guard let document = parsed, collector.errors.isEmpty else {
      if let document = parsed { xmlFreeDoc(document) }
      let first = collector.errors.first
      let line = max(first?.line ?? 1, 1)
      let column = max(first?.column ?? 1, 1)
      // The same plain words, with the fix, as for course files.
      if let first,
        let plain = SyntaxMessage.rewrite(first.message, line: line, column: column, bytes: bytes)
      {
        throw .malformed(
          SourceLocation(file: displayPath, line: plain.line, column: plain.column), plain.english)
      }
      throw .malformed(
        SourceLocation(file: displayPath, line: line, column: column),
        first.map { XMLReader.cleanParserMessage($0.message) } ?? "the file is not well-formed XML")
    }
    defer { xmlFreeDoc(document) }
    guard document.pointee.intSubset == nil else {
      throw .malformed(
        SourceLocation(file: displayPath, line: 1, column: 1),
        "<!DOCTYPE> is not allowed; remove the declaration")
    }
    guard let root = xmlDocGetRootElement(document) else {
      throw .malformed(
        SourceLocation(file: displayPath, line: 1, column: 1), "the file has no root element")
    }
    return convert(root)
  }

  /// Copies libxml2's element into plain values. Depth is bounded by libxml2's limit of 256.
  private static func convert(_ node: xmlNodePtr) -> BankElement {
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      let name = String(cString: current.pointee.name)
      // xmlNodeListGetString: the attribute's text with character references resolved.
      if let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
        attributes[name] = String(cString: value)
        kurs_xml_free(value)
      } else {
        attributes[name] = ""
      }
      attribute = current.pointee.next
    }
    var children: [BankElement] = []
    var text = ""
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        children.append(convert(current))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { text += String(cString: content) }
      default:
        break  // comments and processing instructions carry nothing
      }
      child = current.pointee.next
    }
    return BankElement(
      name: String(cString: node.pointee.name), attributes: attributes, children: children,
      text: text,
      line: max(Int(xmlGetLineNo(node)), 1))
  }
}

/// Errors libxml2 reported through the structured error callback.
private final class BankErrorCollector {
  struct Entry {
    var message: String
    var line: Int
    var column: Int
  }
  var errors: [Entry] = []
}

/// The structured error callback (`xmlStructuredErrorFunc`): keeps errors, ignores warnings.
private func collectBankError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  let collector = Unmanaged<BankErrorCollector>.fromOpaque(context).takeUnretainedValue()
  guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
  collector.errors.append(
    BankErrorCollector.Entry(
      message: error.pointee.message.map { String(cString: $0) } ?? "unknown error",
      line: Int(error.pointee.line), column: Int(error.pointee.int2)))
}
