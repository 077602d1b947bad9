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
///
/// A reader can be handed to another thread: each file gets its own parser and validation
/// context, and libxml2 keeps its error handler per thread. `ReadAhead` still gives each of its
/// threads a reader of its own, so that no compiled schema is shared between threads.
final class XMLReader: @unchecked Sendable {
  /// Files larger than this are refused before they are read.
  static let maximumFileSize = 64 * 1024 * 1024

  /// The result of reading one file.
  struct Document: Sendable {
    /// The root element, when the file read and passed the schema.
    var root: ParsedElement?
    var diagnostics: [Diagnostic]
    /// The file's bytes, for the course digest.
    var bytes: [UInt8]
  }

  private let schema: xmlSchemaPtr?
  private let schemaError: String?
  private let schemaText: String
  /// The folders files are read under (the course folder, the shared Content/ folder).
  let roots: [URL]

  /// libxml2 is set up once, before any thread uses it (`xmlInitParser`): left to set itself up
  /// lazily, libxml2 2.9 races on the lock of its random numbers when two threads start parsing
  /// at once, and both wait for ever (two test threads hung in `xmlDictCreate`). A `static let`
  /// runs exactly once, safely across threads.
  private static let libraryReady: Void = xmlInitParser()

  /// Held while a schema compiles: `xmlSchemaParse` sets up libxml2's built-in types lazily
  /// and without a lock (libxml2 issue 930), so two readers made at once on two threads could
  /// race. Validation against a compiled schema needs no lock.
  private static let compiling = NSLock()

  /// Compiles the schema from its text with `xmlSchemaNewMemParserCtxt` and `xmlSchemaParse`.
  /// The schema imports nothing, so nothing is loaded.
  /// - Parameter roots: the folders files are read under (`read(fileAt:displayPath:)`).
  init(schemaText: String, roots: [URL] = []) {
    _ = Self.libraryReady
    self.roots = roots
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
        Self.compiling.lock()
        defer { Self.compiling.unlock() }
        parsed = xmlSchemaParse(context)
      }
    }
    if parsed == nil {
      failure =
        failure
        ?? "the built-in schema does not compile: \(collector.errors.first?.message ?? "unknown error")"
    }
    schema = parsed
    schemaError = failure
    self.schemaText = schemaText
  }

  /// A second reader with the same schema, compiled again: one for each thread.
  func withSameSchema() -> XMLReader { XMLReader(schemaText: schemaText, roots: roots) }

  deinit {
    if let schema { xmlSchemaFree(schema) }
  }

  /// Reads and checks the file at `url`, opened under one of `roots` (`ConfinedFile`): no
  /// symbolic link is followed, and the file is checked and read through one descriptor.
  /// - Parameter displayPath: the path to print in findings (as the user wrote it).
  func read(fileAt url: URL, displayPath: String) -> Document {
    let start = SourceLocation(file: displayPath, line: 1, column: 1)
    let bytes: [UInt8]
    do {
      bytes = try ConfinedFile.read(url, roots: roots, maximumSize: Self.maximumFileSize)
    } catch {
      let message: String
      switch error {
      case .symbolicLink, .tooLarge: message = error.message
      case .notRegularFile, .system: message = "cannot read the file: \(error.message)"
      }
      return Document(root: nil, diagnostics: [.error(.file, at: start, message)], bytes: [])
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
        diagnostics: [
          .error(
            .file, at: SourceLocation(file: displayPath, line: 1, column: 1),
            schemaError ?? "no schema")
        ],
        bytes: bytes)
    }
    return parseAndValidate(
      bytes: bytes, scanner: scanner, schema: schema, displayPath: displayPath)
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
        let line = max(error.line, 1)
        let column = max(error.column, 1)
        guard
          let plain = SyntaxMessage.rewrite(error.message, line: line, column: column, bytes: bytes)
        else {
          return Diagnostic.error(
            .syntax, at: SourceLocation(file: displayPath, line: line, column: column),
            Self.cleanParserMessage(error.message))
        }
        var diagnostic = Diagnostic.error(
          .syntax, at: SourceLocation(file: displayPath, line: plain.line, column: plain.column),
          plain.english)
        diagnostic.translations = ["ru": plain.russian]
        return diagnostic
      }
      return Document(
        root: nil,
        diagnostics: diagnostics.isEmpty
          ? [
            .error(
              .syntax, at: SourceLocation(file: displayPath, line: 1, column: 1),
              "the file is not well-formed XML")
          ]
          : diagnostics,
        bytes: bytes)
    }
    defer { xmlFreeDoc(document) }
    guard document.pointee.intSubset == nil else {
      return Document(
        root: nil,
        diagnostics: [
          .error(
            .syntax, at: SourceLocation(file: displayPath, line: 1, column: 1),
            "<!DOCTYPE> is not allowed in course files; remove the declaration")
        ], bytes: bytes)
    }
    guard let rootNode = xmlDocGetRootElement(document) else {
      return Document(
        root: nil,
        diagnostics: [
          .error(
            .syntax, at: SourceLocation(file: displayPath, line: 1, column: 1),
            "the file has no root element")
        ],
        bytes: bytes)
    }

    // The namespace decides the format version before the schema says anything.
    let namespace = rootNode.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    let rootLocation =
      scanner.tags.first.map {
        SourceLocation(file: displayPath, line: Int($0.line), column: Int($0.column))
      } ?? SourceLocation(file: displayPath, line: 1, column: 1)
    if let problem = FormatVersion.check(namespace: namespace, at: rootLocation) {
      return Document(root: nil, diagnostics: [problem], bytes: bytes)
    }

    guard let validation = xmlSchemaNewValidCtxt(schema) else {
      return Document(
        root: nil,
        diagnostics: [.error(.file, at: rootLocation, "libxml2 could not start schema validation")],
        bytes: bytes)
    }
    defer { xmlSchemaFreeValidCtxt(validation) }
    let schemaErrors = ErrorCollector()
    xmlSchemaSetValidStructuredErrors(
      validation, collectError, Unmanaged.passUnretained(schemaErrors).toOpaque())
    _ = xmlSchemaValidateDoc(validation, document)
    if !schemaErrors.errors.isEmpty {
      // Read from the schema only when a file fails it: most files never need it.
      let messages = SchemaMessage(schemaText: schemaText)
      let locations = Self.locations(
        of: rootNode, scanner: scanner, bytes: bytes, displayPath: displayPath)
      var diagnostics: [Diagnostic] = []
      let rewritten = schemaErrors.errors.map { ($0, messages.rewrite($0.message)) }
      // The elements that have a rewritten message, found once (looking through every error
      // for each error took minutes for an element with 100,000 unknown attributes).
      var rewrittenNodes = Set<UnsafeMutableRawPointer>()
      var rewrittenWithoutNode = false
      for (error, message) in rewritten where message != nil {
        if let node = error.node {
          rewrittenNodes.insert(node)
        } else {
          rewrittenWithoutNode = true
        }
      }
      for (error, rewrittenMessage) in rewritten {
        // A message dropped as the echo of a facet message stays when it has no such partner.
        let hasPartner = error.node.map { rewrittenNodes.contains($0) } ?? rewrittenWithoutNode
        guard
          let message = rewrittenMessage ?? (hasPartner ? nil : messages.fallback(error.message))
        else { continue }
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

    var converter = Converter(scanner: scanner, bytes: bytes, displayPath: displayPath)
    converter.convert(rootNode, parentLanguage: nil)
    return Document(root: converter.finish().root, diagnostics: [], bytes: bytes)
  }

  /// Where each element and its attributes are written, by node: for placing schema errors.
  /// Elements and start tags correspond one to one in document order (see `StartTagScanner`).
  private static func locations(
    of rootNode: xmlNodePtr, scanner: StartTagScanner, bytes: [UInt8], displayPath: String
  ) -> [UnsafeMutableRawPointer: (SourceLocation, [String: SourceLocation])] {
    var locations: [UnsafeMutableRawPointer: (SourceLocation, [String: SourceLocation])] = [:]
    var tagIndex = 0
    func assign(_ node: xmlNodePtr) {
      var current: xmlNodePtr? = node
      while let element = current {
        if element.pointee.type == XML_ELEMENT_NODE {
          if tagIndex < scanner.tags.count {
            let tag = scanner.tags[tagIndex]
            var attributes: [String: SourceLocation] = [:]
            for attribute in scanner.attributes(ofTag: tagIndex) {
              let name = String(
                decoding: bytes[Int(attribute.nameStart)..<Int(attribute.nameEnd)], as: UTF8.self)
              if attributes[name] == nil {
                attributes[name] = SourceLocation(
                  file: displayPath, line: Int(attribute.line), column: Int(attribute.column))
              }
            }
            locations[UnsafeMutableRawPointer(element)] = (
              SourceLocation(file: displayPath, line: Int(tag.line), column: Int(tag.column)),
              attributes
            )
          } else {
            locations[UnsafeMutableRawPointer(element)] = (
              SourceLocation(
                file: displayPath, line: max(Int(xmlGetLineNo(element)), 1), column: 1), [:]
            )
          }
          tagIndex += 1
          if let child = element.pointee.children { assign(child) }
        }
        current = element.pointee.next
      }
    }
    assign(rootNode)
    return locations
  }

  /// Copies libxml2's tree into a `ParsedDocument`, element by element in document order, so
  /// that the n-th element takes the n-th start tag's location.
  private struct Converter {
    let scanner: StartTagScanner
    let bytes: [UInt8]
    let displayPath: String
    private var elements: [ParsedDocument.Element] = []
    private var attributes: [ParsedElement.Attribute] = []
    private var children: [Int] = []
    private var texts: [String] = []
    /// The children of the elements being converted, innermost last; each element's are moved
    /// to `children` when it is done, so that they lie together.
    private var pending: [Int] = []
    /// The namespace of the last element, by libxml2's pointer: every element of a course file
    /// has the same one, made into a string once.
    private var lastNamespace: (pointer: UnsafePointer<xmlChar>, text: String)?

    init(scanner: StartTagScanner, bytes: [UInt8], displayPath: String) {
      self.scanner = scanner
      self.bytes = bytes
      self.displayPath = displayPath
      elements.reserveCapacity(scanner.tags.count)
      attributes.reserveCapacity(scanner.attributes.count)
      children.reserveCapacity(scanner.tags.count * 2)
    }

    func finish() -> ParsedDocument {
      ParsedDocument(
        file: displayPath, elements: elements, attributes: attributes, children: children,
        texts: texts)
    }

    /// Converts `node` and everything in it; returns its index. Depth is bounded by libxml2's
    /// limit of 256.
    @discardableResult
    mutating func convert(_ node: xmlNodePtr, parentLanguage: String?) -> Int {
      let index = elements.count
      let tag = index < scanner.tags.count ? scanner.tags[index] : nil
      let line = tag?.line ?? Int32(clamping: max(xmlGetLineNo(node), 1))
      let column = tag?.column ?? 1
      let elementLocation = SourceLocation(file: displayPath, line: Int(line), column: Int(column))

      let firstAttribute = Int32(attributes.count)
      var language = parentLanguage
      var attribute = node.pointee.properties
      while let current = attribute {
        let localName = String(cString: current.pointee.name)
        var name = localName
        var isLanguage = false
        if let namespace = current.pointee.ns {
          if let prefix = namespace.pointee.prefix {
            name = String(cString: prefix) + ":" + localName
          }
          isLanguage =
            localName == "lang"
            && namespace.pointee.href.map { String(cString: $0) }
              == "http://www.w3.org/XML/1998/namespace"
        }
        let value = Self.value(of: current, in: node)
        if isLanguage { language = value }
        attributes.append(
          ParsedElement.Attribute(
            name: name, value: value,
            location: location(ofAttribute: name, tagIndex: tag == nil ? nil : index)
              ?? elementLocation))
        attribute = current.pointee.next
      }
      elements.append(
        ParsedDocument.Element(
          name: String(cString: node.pointee.name), namespace: namespace(of: node),
          language: language,
          line: line, column: column, firstAttribute: firstAttribute,
          endAttribute: Int32(attributes.count),
          firstChild: 0, endChild: 0))

      let mark = pending.count
      var child = node.pointee.children
      while let current = child {
        switch current.pointee.type {
        case XML_ELEMENT_NODE:
          pending.append(convert(current, parentLanguage: language))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          if let content = current.pointee.content {
            texts.append(String(cString: content))
            pending.append(-texts.count)
          }
        default:
          break  // comments and processing instructions carry nothing for Kurs
        }
        child = current.pointee.next
      }
      elements[index].firstChild = Int32(children.count)
      children.append(contentsOf: pending[mark...])
      elements[index].endChild = Int32(children.count)
      pending.removeSubrange(mark...)
      return index
    }

    private mutating func namespace(of node: xmlNodePtr) -> String? {
      guard let href = node.pointee.ns?.pointee.href else { return nil }
      if let last = lastNamespace, last.pointer == UnsafePointer(href) { return last.text }
      let text = String(cString: href)
      lastNamespace = (UnsafePointer(href), text)
      return text
    }

    /// Where attribute `name` of tag `tagIndex` is written, by its name's bytes.
    private func location(ofAttribute name: String, tagIndex: Int?) -> SourceLocation? {
      guard let tagIndex else { return nil }
      var name = name
      return name.withUTF8 { wanted in
        for attribute in scanner.attributes(ofTag: tagIndex)
        where Int(attribute.nameEnd - attribute.nameStart) == wanted.count
          && bytes[Int(attribute.nameStart)..<Int(attribute.nameEnd)].elementsEqual(wanted)
        {
          return SourceLocation(
            file: displayPath, line: Int(attribute.line), column: Int(attribute.column))
        }
        return nil
      }
    }

    /// An attribute's value: its one text node as it is, else libxml2's joined text
    /// (`xmlNodeListGetString`).
    private static func value(of attribute: xmlAttrPtr, in node: xmlNodePtr) -> String {
      guard let text = attribute.pointee.children else { return "" }
      if text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
        let content = text.pointee.content
      {
        return String(cString: content)
      }
      guard let joined = xmlNodeListGetString(node.pointee.doc, text, 1) else { return "" }
      defer { kurs_xml_free(joined) }
      return String(cString: joined)
    }
  }

  /// Refuses text that is not UTF-8 or declares another encoding, pointing at the first bad byte.
  private static func encodingProblem(in bytes: [UInt8], displayPath: String) -> Diagnostic? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .error(
        .syntax, at: SourceLocation(file: displayPath, line: 1, column: 1),
        "the file is UTF-16; course files must be UTF-8: save it as UTF-8 in your editor")
    }
    if let bad = InvalidUTF8.find(in: bytes) {
      return .error(
        .syntax, at: SourceLocation(file: displayPath, line: bad.line, column: bad.column),
        "the file is not valid UTF-8 (byte \(bad.byte)); course files must be UTF-8: save it as UTF-8 in your editor"
      )
    }
    return declaredEncodingProblem(in: bytes, displayPath: displayPath)
  }

  /// An XML declaration that names an encoding other than UTF-8.
  private static func declaredEncodingProblem(in bytes: [UInt8], displayPath: String) -> Diagnostic?
  {
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
            "encoding '\(name)' is not supported; course files must be UTF-8: save the file as UTF-8 and write encoding=\"UTF-8\""
          )
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
