import Foundation

/// `kurs man`: the manual page, kurs(1), in roff (man macros), made from the English help
/// (`HelpText`) and the parser's commands (`CommandReference`), so that it says what
/// `kurs help` says.
///
/// ```
/// kurs man > ~/.local/share/man/man1/kurs.1 && man kurs
/// kurs man | man -l -
/// ```
public enum ManualPage {
  /// The manual page.
  /// - Parameter version: kurs's version, for the page's footer.
  public static func roff(version: String) -> String {
    let overview = HelpText.overview
    var page = """
      .\\" kurs(1), written by 'kurs man' from kurs's own help: do not edit.
      .TH KURS 1 "" "kurs \(escape(version))" "User Commands"
      .SH NAME
      kurs \\- branching courses and quizzes in the terminal
      .SH SYNOPSIS
      .B kurs
      [\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]
      .SH DESCRIPTION

      """
    // The overview, block by block: its commands, options, keys, exit codes and examples.
    let blocks = overview.components(separatedBy: "\n\n").dropFirst(2)
    var sections: [(title: String, body: String)] = []
    for block in blocks {
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      guard let first = lines.first, !first.isEmpty else { continue }
      if first.hasSuffix(":"), !first.hasPrefix(" ") {
        sections.append((String(first.dropLast()), lines.dropFirst().joined(separator: "\n")))
      } else if first.hasPrefix("exit codes:") {
        sections.append(("exit status", block))
      } else {
        sections.append(("", block))
      }
    }
    for (title, body) in sections {
      switch title {
      case "":
        page += paragraph(body)
      case "options for every command":
        page += ".SH OPTIONS\n" + preformatted(body)
      case "exit status":
        page += ".SH \"EXIT STATUS\"\n" + preformatted(body)
      case "examples":
        page += ".SH EXAMPLES\n" + preformatted(body)
      default:
        page += ".SS \"\(escape(title))\"\n" + preformatted(body)
      }
    }
    page += ".SH COMMANDS\nEach command as \\fBkurs help\\fR \\fICOMMAND\\fR explains it.\n"
    for command in CommandReference.commands {
      page += ".SS \"kurs \(escape(command))\"\n"
      let subcommands = CommandReference.subcommands(of: command)
      if !subcommands.isEmpty {
        page +=
          "Subcommands: " + subcommands.map { "\\fB\(escape($0))\\fR" }.joined(separator: ", ")
          + ".\n"
      }
      if let topic = HelpText.topic(command) {
        page += preformatted(topic.trimmingCharacters(in: .newlines))
      } else {
        page += paragraph(CommandReference.summary(of: command))
      }
    }
    page += """
      .SH ENVIRONMENT
      .TP
      .B KURS_DATA_DIR
      the data folder (else \\fB$XDG_DATA_HOME/kurs\\fR, else \\fB~/.local/share/kurs\\fR)
      .TP
      .B KURS_COURSES
      the only folder of courses
      .TP
      .B KURS_LRS_URL\\fR, \\fBKURS_LRS_USER\\fR, \\fBKURS_LRS_PASSWORD
      an xAPI learning record store and its credentials
      .TP
      .B LANGUAGE\\fR, \\fBLC_ALL\\fR, \\fBLANG
      the language of kurs's own texts when \\fB\\-\\-lang\\fR is not given
      .SH "SEE ALSO"
      The guides in the kurs documentation: authoring.md, course\\-format.md, certificates.md,
      cohorts.md, facilitators.md and privacy.md.

      """
    return page
  }

  /// Text for roff: backslashes and hyphens escaped, and a line that would start with a
  /// control character (`.` or `'`) made literal.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
  }

  private static func line(_ text: String) -> String {
    let escaped = escape(text)
    return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
  }

  /// A block kept as the help lays it out (its columns and indentation).
  private static func preformatted(_ text: String) -> String {
    ".nf\n"
      + text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }
      .joined(separator: "\n")
      + "\n.fi\n"
  }

  /// A paragraph that roff fills.
  private static func paragraph(_ text: String) -> String {
    ".PP\n"
      + text.split(separator: "\n").map { line($0.trimmingCharacters(in: .whitespaces)) }.joined(
        separator: "\n") + "\n"
  }
}
