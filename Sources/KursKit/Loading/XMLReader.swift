import CLibXML2
import Foundation

/// Reads one XML file safely and checks it against the Kurs schema. The only file in Kurs that
/// talks to libxml2: no libxml2 type leaves it.
///
/// What it refuses, before or while libxml2 reads:
/// - a `<!DOCTYPE>` (so no external entity, no DTD loading, no entity expansion);
/// - text that is not UTF-8, or declares another encoding;
/// - anything libxml2 finds not well-formed (no recover mode), with its line and column;
/// - elements nested deeper than libxml2's default limit (256).
final class XMLReader {
  /// Files larger than this are refused before they are read.
  static let maximumFileSize = 64 * 1024 * 1024

  /// The result of reading one file.
  struct Document {
    /// The root element, when the file read and passed the schema.
    var root: ParsedElement?
    var diagnostics: [Diagnostic]
    /// The file's bytes, for the course digest.
    var bytes: [UInt8]
  }

  private let schema: xmlSchemaPtr?
  private let schemaError: String?
  private let messages: SchemaMessage

  /// libxml2 is set up once, before any thread uses it (`xmlInitParser`): left to set itself up
  /// lazily, libxml2 2.9 races on the lock of its random numbers when two threads start parsing
  /// at once, and both wait for ever (two test threads hung in `xmlDictCreate`). A `static let`
  /// runs exactly once, safely across threads.
  private static let libraryReady: Void = xmlInitParser()

  /// Compiles the schema from its text with `xmlSchemaNewMemParserCtxt` and `xmlSchemaParse`.
  /// The schema imports nothing, so nothing is loaded.
  init(schemaText: String) {
    _ = Self.libraryReady
    var parsed: xmlSchemaPtr?
    var failure: String?
    let collector = ErrorCollector()
    let bytes = Array(schemaText.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        guard let context = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else {
          failure = "libxml2 could not create a schema parser"
          return
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(
          context, collectError, Unmanaged.passUnretained(collector).toOpaque())
        parsed = xmlSchemaParse(context)
      }
    }
    if parsed == nil {
      failure = failure ?? "the built-in schema does not compile: \(collector.errors.first?.message ?? "unknown error")"
    }
    schema = parsed
    schemaError = failure
    messages = SchemaMessage(schemaText: schemaText)
  }

  deinit {
    if let schema { xmlSchemaFree(schema) }
  }

  /// Reads and checks the file at `url`.
  /// - Parameter displayPath: the path to print in findings (as the user wrote it).
  func read(fileAt url: URL, displayPath: String) -> Document {
    let start = SourceLocation(file: displayPath, line: 1, column: 1)
    let bytes: [UInt8]
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      if let size = attributes[.size] as? NSNumber, size.intValue > Self.maximumFileSize {
        return Document(
          root: nil,
          diagnostics: [
            .error(
              .file, at: start,
              "file is \(size.intValue / (1024 * 1024)) MiB; course files may be at most \(Self.maximumFileSize / (1024 * 1024)) MiB: split the course into module files"
            )
          ], bytes: [])
      }
      bytes = Array(try Data(contentsOf: url))
    } catch {
      return Document(
        root: nil,
        diagnostics: [.error(.file, at: start, "cannot read the file: \(Self.describe(error))")],
        bytes: [])
    }
    return read(bytes: bytes, displayPath: displayPath)
  }

  /// Reads and checks XML text already in memory.
  func read(bytes: [UInt8], displayPath: String) -> Document {
    if let problem = Self.encodingProblem(in: bytes, displayPath: displayPath) {
      return Document(root: nil, diagnostics: [problem], bytes: bytes)
    }
    let scanner = StartTagScanner(bytes: bytes)
    if let doctype = scanner.doctype {
      let location = SourceLocation(file: displayPath, line: doctype.line, column: doctype.column)
      return Document(
        root: nil,
        diagnostics: [
          .error(
            .syntax, at: location,
            "<!DOCTYPE> is not allowed in course files: a document type can define entities that read local files or expand without bound; remove the declaration"
          )
        ], bytes: bytes)
    }
    guard let schema else {
      return Document(
        root: nil,
        diagnostics: [.error(.file, at: SourceLocation(file: displayPath, line: 1, column: 1), schemaError ?? "no schema")],
        bytes: bytes)
    }
    return parseAndValidate(bytes: bytes, scanner: scanner, schema: schema, displayPath: displayPath)
  }

  private func parseAndValidate(
    bytes: [UInt8], scanner: StartTagScanner, schema: xmlSchemaPtr, displayPath: String
  ) -> Document {
    let collector = ErrorCollector()
    // No NOENT (entities are not substituted), no DTDLOAD, no XINCLUDE, no RECOVER, no HUGE.
    let options = Int32(XML_PARSE_NONET.rawValue)
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), collectError)
    defer { xmlSetStructuredErrorFunc(nil, nil) }

    let parsedDocument: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        xmlReadMemory(base, Int32(buffer.count), displayPath, "UTF-8", options)
      }
    }
    guard let document = parsedDocument, collector.errors.isEmpty else {
      if let document = parsedDocument { xmlFreeDoc(document) }
      let diagnostics = collector.errors.prefix(1).map { error in
        Diagnostic.error(
          .syntax,
          at: SourceLocation(file: displayPath, line: max(error.line, 1), column: max(error.column, 1)),
          Self.cleanParserMessage(error.message))
      }
      return Document(
        root: nil,
        diagnostics: diagnostics.isEmpty
          ? [.error(.syntax, at: SourceLocation(file: displayPath, line: 1, column: 1), "the file is not well-formed XML")]
          : diagnostics,
        bytes: bytes)
    }
    defer { xmlFreeDoc(document) }
    guard document.pointee.intSubset == nil else {
      return Document(
        root: nil,
        diagnostics: [
          .error(.syntax, at: SourceLocation(file: displayPath, line: 1, column: 1), "<!DOCTYPE> is not allowed in course files; remove the declaration")
        ], bytes: bytes)
    }
    guard let rootNode = xmlDocGetRootElement(document) else {
      return Document(
        root: nil,
        diagnostics: [.error(.syntax, at: SourceLocation(file: displayPath, line: 1, column: 1), "the file has no root element")],
        bytes: bytes)
    }

    // Map every element to its start tag, in document order.
    var locations: [UnsafeMutableRawPointer: (SourceLocation, [String: SourceLocation])] = [:]
    var tagIndex = 0
    func assign(_ node: xmlNodePtr) {
      var current: xmlNodePtr? = node
      while let element = current {
        if element.pointee.type == XML_ELEMENT_NODE {
          let fallbackLine = Int(xmlGetLineNo(element))
          if tagIndex < scanner.tags.count {
            let tag = scanner.tags[tagIndex]
            let location = SourceLocation(file: displayPath, line: tag.line, column: tag.column)
            let attributes = tag.attributes.mapValues {
              SourceLocation(file: displayPath, line: $0.line, column: $0.column)
            }
            locations[UnsafeMutableRawPointer(element)] = (location, attributes)
          } else {
            locations[UnsafeMutableRawPointer(element)] = (
              SourceLocation(file: displayPath, line: max(fallbackLine, 1), column: 1), [:]
            )
          }
          tagIndex += 1
          if let child = element.pointee.children { assign(child) }
        }
        current = element.pointee.next
      }
    }
    assign(rootNode)

    // The namespace decides the format version before the schema says anything.
    let namespace = rootNode.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    let rootLocation = locations[UnsafeMutableRawPointer(rootNode)]?.0
      ?? SourceLocation(file: displayPath, line: 1, column: 1)
    if let problem = FormatVersion.check(namespace: namespace, at: rootLocation) {
      return Document(root: nil, diagnostics: [problem], bytes: bytes)
    }

    guard let validation = xmlSchemaNewValidCtxt(schema) else {
      return Document(
        root: nil, diagnostics: [.error(.file, at: rootLocation, "libxml2 could not start schema validation")],
        bytes: bytes)
    }
    defer { xmlSchemaFreeValidCtxt(validation) }
    let schemaErrors = ErrorCollector()
    xmlSchemaSetValidStructuredErrors(
      validation, collectError, Unmanaged.passUnretained(schemaErrors).toOpaque())
    _ = xmlSchemaValidateDoc(validation, document)
    if !schemaErrors.errors.isEmpty {
      var diagnostics: [Diagnostic] = []
      let rewritten = schemaErrors.errors.map { ($0, messages.rewrite($0.message)) }
      for (error, rewrittenMessage) in rewritten {
        // A message dropped as the echo of a facet message stays when it has no such partner.
        let hasPartner = rewritten.contains { $0.0.node == error.node && $0.1 != nil }
        guard let message = rewrittenMessage ?? (hasPartner ? nil : messages.fallback(error.message)) else { continue }
        var location =
          error.node.flatMap { locations[$0]?.0 }
          ?? SourceLocation(file: displayPath, line: max(error.line, 1), column: 1)
        // Point at the attribute the message is about, when it names one that is written.
        if let node = error.node, let attribute = Self.attributeName(in: error.message),
          let attributeLocation = locations[node]?.1[attribute]
        {
          location = attributeLocation
        }
        diagnostics.append(.error(.schema, at: location, message))
      }
      if diagnostics.isEmpty, let first = schemaErrors.errors.first {
        // Never "no findings" for a file the schema refused.
        diagnostics.append(.error(.schema, at: rootLocation, messages.fallback(first.message)))
      }
      return Document(root: nil, diagnostics: diagnostics, bytes: bytes)
    }

    let root = Self.convert(rootNode, locations: locations, displayPath: displayPath)
    return Document(root: root, diagnostics: [], bytes: bytes)
  }

  /// Turns libxml2's tree into `ParsedElement`s. Depth is bounded by libxml2's limit of 256.
  private static func convert(
    _ node: xmlNodePtr, locations: [UnsafeMutableRawPointer: (SourceLocation, [String: SourceLocation])],
    displayPath: String
  ) -> ParsedElement {
    let (location, attributeLocations) =
      locations[UnsafeMutableRawPointer(node)]
      ?? (SourceLocation(file: displayPath, line: Int(xmlGetLineNo(node)), column: 1), [:])
    var attributes: [String: ParsedElement.Attribute] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      let localName = String(cString: current.pointee.name)
      let prefix = current.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
      let name = prefix.map { "\($0):\(localName)" } ?? localName
      var value = ""
      if let text = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
        value = String(cString: text)
        kurs_xml_free(text)
      }
      attributes[name] = ParsedElement.Attribute(
        value: value, location: attributeLocations[name] ?? location)
      attribute = current.pointee.next
    }
    var language: String?
    if let lang = xmlNodeGetLang(node) {
      language = String(cString: lang)
      kurs_xml_free(lang)
    }
    var children: [ParsedElement.Child] = []
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        children.append(.element(convert(current, locations: locations, displayPath: displayPath)))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content {
          children.append(.text(String(cString: content)))
        }
      default:
        break  // comments and processing instructions carry nothing for Kurs
      }
      child = current.pointee.next
    }
    let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    return ParsedElement(
      name: String(cString: node.pointee.name), namespace: namespace, attributes: attributes,
      children: children, location: location, language: language)
  }

  /// Refuses text that is not UTF-8 or declares another encoding, pointing at the first bad byte.
  private static func encodingProblem(in bytes: [UInt8], displayPath: String) -> Diagnostic? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .error(
        .syntax, at: SourceLocation(file: displayPath, line: 1, column: 1),
        "the file is UTF-16; course files must be UTF-8: save it as UTF-8 in your editor")
    }
    // Valid UTF-8 (nearly every file) is recognised in one pass; only a bad file is walked
    // scalar by scalar to find the line and column of the bad byte.
    if String(validating: bytes, as: UTF8.self) != nil {
      return declaredEncodingProblem(in: bytes, displayPath: displayPath)
    }
    var line = 1
    var column = 1
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        break decoding
      case .error:
        let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "?"
        return .error(
          .syntax, at: SourceLocation(file: displayPath, line: line, column: column),
          "the file is not valid UTF-8 (byte \(byte)); course files must be UTF-8: save it as UTF-8 in your editor")
      }
    }
    return declaredEncodingProblem(in: bytes, displayPath: displayPath)
  }

  /// An XML declaration that names an encoding other than UTF-8.
  private static func declaredEncodingProblem(in bytes: [UInt8], displayPath: String) -> Diagnostic? {
    // <?xml version="1.0" encoding="…"?>
    let head = String(decoding: bytes.prefix(200), as: UTF8.self)
    if head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"),
      let declarationEnd = head.range(of: "?>")
    {
      let declaration = head[..<declarationEnd.lowerBound]
      if let range = declaration.range(of: "encoding") {
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        let quote = rest.first
        let name = rest.dropFirst().prefix { $0 != quote }
        if !["utf-8", "utf8"].contains(name.lowercased()) {
          let column = head.distance(from: head.startIndex, to: range.lowerBound) + 1
          return .error(
            .syntax, at: SourceLocation(file: displayPath, line: 1, column: column),
            "encoding '\(name)' is not supported; course files must be UTF-8: save the file as UTF-8 and write encoding=\"UTF-8\"")
        }
      }
    }
    return nil
  }

  /// libxml2 messages, made to read like the rest of Kurs: lowercase start, no trailing period.
  static func cleanParserMessage(_ message: String) -> String {
    var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("Excessive depth in document") {
      return "elements are nested more than 256 levels deep; flatten the document"
    }
    if text.contains("Detected an entity reference loop") || text.contains("amplification") {
      return "entity expansion refused; course files may not use entities"
    }
    if text.hasPrefix("Entity '"), text.hasSuffix("not defined") {
      text += "; course files may use only the five XML entities (&amp; &lt; &gt; &quot; &apos;)"
    }
    return lowercasedStart(text.hasSuffix(".") ? String(text.dropLast()) : text)
  }

  /// The attribute a schema message is about: `Element 'x', attribute 'y': …`.
  private static func attributeName(in message: String) -> String? {
    guard let range = message.range(of: "', attribute '") else { return nil }
    let rest = message[range.upperBound...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    let name = String(rest[..<end])
    return name.hasPrefix("{http://www.w3.org/XML/1998/namespace}") ? "xml:lang" : name
  }

  private static func lowercasedStart(_ text: String) -> String {
    guard let first = text.first, first.isUppercase else { return text }
    // Keep acronyms (UTF-8, XML) as they are.
    if let second = text.dropFirst().first, second.isUppercase { return text }
    return first.lowercased() + text.dropFirst()
  }

  private static func describe(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue)).lowercased()
    }
    if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
      return "no such file"
    }
    return nsError.localizedDescription
  }
}

/// Errors libxml2 reported through a structured error callback.
private final class ErrorCollector {
  struct Entry {
    var message: String
    var line: Int
    var column: Int
    var node: UnsafeMutableRawPointer?
  }
  var errors: [Entry] = []
}

/// The structured error callback (`xmlStructuredErrorFunc`): keeps errors, ignores warnings.
private func collectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
  guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
  let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
  collector.errors.append(
    ErrorCollector.Entry(
      message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2),
      node: error.pointee.node))
}
