/// `kurs --help` and `kurs help COMMAND`: every command with an example.
public enum HelpText {
  public static let overview = """
    kurs: branching courses and quizzes in the terminal

    usage: kurs [COMMAND] [OPTIONS]

    commands for authors:
      validate PATH...     check courses like a compiler: path:line:column: error: message
      graph COURSE         draw the branching of a course (Graphviz dot or Mermaid)
      stats COURSE         nodes, paths, points and reading time per module
      new course ID        write a starter course that validates
      schema               print the XML Schema of the course format

    other commands:
      courses              list the courses and whether they are valid
      help [COMMAND]       explain a command, with an example

    options for every command:
      --courses DIR        where course folders are (default: the bundled Courses/)
      --content DIR        the shared Content/ folder (default: beside the courses)
      --lang CODE          language for titles (en, ru)
      --help, -h           this help; --version prints the version

    exit codes: 0 success, 1 invalid input, 2 unreadable file, 64 wrong command line

    examples:
      kurs validate Courses/example
      kurs graph example --module basics --format mermaid
      kurs new course first-aid

    """

  /// Help for one command, or `nil` when there is no such command.
  public static func topic(_ name: String) -> String? {
    switch name {
    case "validate":
      return """
        usage: kurs validate PATH... [--strict] [--json]

        Checks each course (a folder holding course.xml, or the file itself) against the schema,
        then checks what a schema cannot see: ids that name nothing, unreachable nodes, nodes
        from which no end can be reached, questions without a correct answer, pass marks no path
        can reach, branches that can fall through, flags never set, texts missing in a
        language. Each finding is printed as
          path:line:column: error|warning: message
        so editors can jump to it, then a summary line.

          --strict   count warnings as errors
          --json     print the findings as JSON

        exit codes: 0 valid (warnings allowed), 1 invalid, 2 a file could not be read, 64 usage

        example:
          kurs validate Courses/example Courses/marina --strict

        """
    case "graph":
      return """
        usage: kurs graph COURSE [--module ID] [--format dot|mermaid]

        Prints the branching of every module (or one) with nodes labelled by kind and id, and
        edges by choice or condition. COURSE is a course id from the courses folder or a path.

        examples:
          kurs graph example --module basics | dot -Tsvg > basics.svg
          kurs graph marina --format mermaid

        """
    case "stats":
      return """
        usage: kurs stats COURSE [--json]

        For each module: the nodes by kind, the questions by kind, the distinct paths from the
        start to each end, the fewest and most points on offer on the way, the pass mark and
        whether it can be reached, and an estimated reading time per language
        (\(CourseStatistics.wordsPerMinute) words a minute).

        example:
          kurs stats example

        """
    case "new":
      return """
        usage: kurs new course ID [--dir DIR]

        Writes DIR/ID/course.xml (DIR: the courses folder), a starter course that validates
        and says what to change. Never overwrites an existing folder.

        example:
          kurs new course first-aid
          kurs validate Courses/first-aid

        """
    case "courses":
      return """
        usage: kurs courses

        Lists the courses in the courses folder with their version, title and whether they
        are valid.

        example:
          kurs courses --courses ~/my-courses

        """
    case "schema":
      return """
        usage: kurs schema

        Prints the XML Schema (XSD) of the course format, version 1, for editors that check
        XML as you type.

        example:
          kurs schema > kurs-course-1.xsd

        """
    case "help":
      return """
        usage: kurs help [COMMAND]

        Explains a command, with an example.

        example:
          kurs help validate

        """
    default:
      return nil
    }
  }
}
