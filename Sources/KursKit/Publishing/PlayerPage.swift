import Foundation

/// One self-contained HTML file that plays a course: the CSS inlined, the course data and the
/// publish options as JSON, then engine.js, records.js, lms.js and player.js inlined. Nothing is
/// fetched: a Content-Security-Policy forbids every network access but the learning record store
/// given at publish time.
public enum PlayerPage {
  /// How the page is published.
  public struct Options: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable, Codable {
      case html, scorm, cmi5
    }
    /// A learning record store the page sends statements to.
    public struct RecordStore: Sendable, Equatable, Codable {
      public var endpoint: String
      /// The `Authorization` header's value, if the store needs one.
      public var auth: String?

      public init(endpoint: String, auth: String? = nil) {
        self.endpoint = endpoint
        self.auth = auth
      }
    }
    public var mode: Mode
    public var lrs: RecordStore?

    public init(mode: Mode = .html, lrs: RecordStore? = nil) {
      self.mode = mode
      self.lrs = lrs
    }

    /// `{"mode": …, "lrs": null | {"endpoint": …, "auth": …}}`, safe inside `<script>`.
    func json() throws -> String {
      struct Encoded: Encodable {
        var mode: Mode
        var lrs: RecordStore?
        func encode(to encoder: Encoder) throws {
          var container = encoder.container(keyedBy: Keys.self)
          try container.encode(mode, forKey: .mode)
          if let lrs {
            try container.encode(lrs, forKey: .lrs)
          } else {
            try container.encodeNil(forKey: .lrs)
          }
        }
        enum Keys: String, CodingKey { case mode, lrs }
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let data = try encoder.encode(Encoded(mode: mode, lrs: lrs))
      return PlayerCourse.scriptSafe(String(decoding: data, as: UTF8.self))
    }
  }

  /// The marker of the script that starts the player; tests put their driver in its place.
  public static let boot = #"<script id="kurs-boot">KursPlayer.start({});</script>"#

  /// The Content-Security-Policy of a page: nothing from the network, but the store's origin.
  /// Written into a double-quoted attribute as it is: it is made of fixed words and a URL's
  /// scheme, host (letters, digits and `.-[]:` only, else no store is allowed) and port.
  static func contentSecurityPolicy(_ options: Options) -> String {
    var policy =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"
    if let lrs = options.lrs, let url = URL(string: lrs.endpoint), let scheme = url.scheme,
      let host = url.host,
      host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-[]:".contains($0)) })
    {
      let port = url.port.map { ":\($0)" } ?? ""
      policy += "; connect-src \(scheme)://\(host)\(port)"
    }
    // cmi5: the platform names its record store only at launch (lms.js).
    if options.mode == .cmi5 { policy += "; connect-src https: http:" }
    return policy
  }

  /// The page for `course`.
  /// - Throws: an encoding error (none is expected for a loaded course).
  public static func html(course: Course, options: Options) throws -> String {
    let data = try PlayerCourse(course: course).json()
    let language = course.defaultLanguage
    let title = Markup.escapeHTML(
      course.title.resolve(language, fallback: language)?.plain ?? course.id)
    var page = """
      <!DOCTYPE html>
      <html lang="\(Markup.escapeHTML(language))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy(options))">
      <meta name="referrer" content="no-referrer">
      <meta name="generator" content="kurs \(KursVersion.current)">
      <title>\(title)</title>
      <style>
      \(PlayerAssets.files["player.css"] ?? "")</style>
      </head>
      <body>
      <div id="kurs-app"><noscript>This course needs JavaScript.</noscript></div>
      <script type="application/json" id="kurs-course">\(data)</script>
      <script type="application/json" id="kurs-options">\(try options.json())</script>

      """
    for script in PlayerAssets.scripts {
      page += "<script>\n\(script.text)</script>\n"
    }
    page += boot + "\n</body>\n</html>\n"
    return page
  }

}
