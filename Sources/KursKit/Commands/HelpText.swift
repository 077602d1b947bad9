/// `kurs --help` and `kurs help COMMAND`: every command with an example.
public enum HelpText {
  public static let overview = """
    kurs: branching courses and quizzes in the terminal

    usage: kurs [COMMAND] [OPTIONS]

    with no command, kurs opens the home screen: choose who is learning, then a course and
    a module. There, the key l changes the language.

    commands for learners:
      start COURSE         start a course, or go on with it (--module ID for one module)
      resume               continue exactly where you stopped, even mid-question
      progress             your courses and modules: not started, in progress, passed
      export               write your records to one file you can send to a trainer
      forget LEARNER       delete a learner's records from this computer
      join CODE            join your host's cohort (the code looks like marina-K7P4QX)
      courses              list the courses and whether they are valid
      add FILE             add a course file (or folder) a trainer sent you

    commands for webinar hosts:
      cohort new NAME --course COURSE    create a cohort and its join code
      cohort import NAME FILE|FOLDER...  import learners' exports (kurs export)
      cohort pull NAME --lrs URL         read the cohort's statements from an xAPI LRS
      cohort report NAME                 who finished, who is stuck, hardest questions
                                         (--csv FILE|-, --json, --html FILE|-)

    commands for authors:
      validate PATH...     check courses like a compiler: path:line:column: error: message
                           (--review: also flag questions a learner could guess)
      graph COURSE         draw the branching of a course (Graphviz dot or Mermaid)
      stats COURSE         nodes, paths, points and reading time per module
      new course ID        write a starter course that validates
      pack COURSE          the whole course as one file to send (--out FILE)
      publish html|scorm|cmi5 COURSE  a web page for phones, or a package for Moodle
                                      (html: one file that plays offline; scorm: SCORM 1.2)
      import moodle|gift FILE   a Moodle XML or GIFT question bank as a new course
      schema               print the XML Schema of the course format

    commands for certificates:
      certificate verify FILE   check a certificate against its course (--issuer-key PUB
                                to check a signed one)
      certificate sign FILE     check a learner's certificate, then sign it with your key
      certificate print FILE    the page to print (--no-title: without the course title)
      certificate context       print Kurs's JSON-LD context (urn:kurs:context:1)
      keys new                  make a key pair for signing certificates

    other commands:
      help [COMMAND]       explain a command, with an example
      completion bash|zsh  a shell completion script: source <(kurs completion bash)
      man                  this help as a manual page: kurs man | man -l -

    options for every command:
      --learner NAME       who is learning (a pseudonym is fine; created when new)
      --data-dir DIR       where progress is kept (default: $KURS_DATA_DIR, else
                           $XDG_DATA_HOME/kurs, else ~/.local/share/kurs); it must be
                           your own and not writable by every account
      --courses DIR        look for courses only in DIR (else $KURS_COURSES; else your
                           courses DATA/courses, the courses installed with kurs
                           (../share/kurs/courses beside the program), ./Courses, and
                           the checkout kurs was built in: see 'kurs help courses')
      --content DIR        the shared Content/ folder (default: beside the courses)
      --lang CODE          language: en, ru or uk (default: your saved choice, then LANGUAGE,
                           LC_ALL, LANG; Russian before English for uk, kk, ky, be, ka,
                           hy, az, uz, tg and ro_MD locales unless LANGUAGE says otherwise).
                           A course is shown in the first of these languages it has: a
                           course without Ukrainian is shown in Russian to a Ukrainian locale
      --plain              for screen readers: no colour, no boxes, one choice per line, a
                           paragraph on one line (--wrap N or KURS_WRAP=N: wrap at N columns)
      --discreet           q also clears the screen and the scrollback, as x does (else
                           KURS_DISCREET=1)
      --lrs URL            also send statements to an xAPI learning record store (else
                           $KURS_LRS_URL), in the background; they wait on disk until it
                           confirms them. A URL with user:password@ is refused
      --lrs-credentials FILE   user:password for the LRS, in a file only you can read
                           (chmod 600), else $KURS_LRS_USER and $KURS_LRS_PASSWORD
      --help, -h           this help; version (or --version, -V): the version

    while learning, at every prompt:
      ? help   q save and quit   x quick exit   r resources   p progress   s show again
      b back   c contents   l language
      (on the Russian and Ukrainian layouts too: й q, ч x, к r, з p, ы or і s, и b, с c, д l)
      x, the quick exit, saves, clears the screen and the terminal's scrollback and quits

    exit codes: 0 success, 1 invalid input, 2 unreadable file, 3 input ended (progress
    saved), 4 a step could not be saved (disk full, no permission) and the learner
    stopped, or standard output could not be written, 64 wrong command line, 130 interrupted by Ctrl-C (progress saved)

    examples:
      kurs
      kurs start marina --lang ru
      kurs resume --learner Sveta
      kurs validate Courses/example
      kurs graph example --module basics --format mermaid
      kurs new course first-aid
      kurs certificate verify example.json

    """

  /// Help for one command, or `nil` when there is no such command: generated from its
  /// declaration (`CommandHelp`).
  public static func topic(_ name: String) -> String? {
    CommandHelp.text(name, language: "en")
  }
}

extension HelpText {
  /// The overview in `language` (`en`, `ru`, `uk`); English for any other. The English text is
  /// `overview` itself, unchanged, for the tools built from it.
  public static func overview(in language: String) -> String {
    switch language {
    case "ru": russianOverview
    case "uk": ukrainianOverview
    default: overview
    }
  }

  /// Help for one command in `language`: the learners' commands are translated, the others
  /// (for authors and hosts) are given in English, as `topic(_:)` has them.
  /// - Returns: `nil` when there is no such command.
  public static func topic(_ name: String, in language: String) -> String? {
    CommandHelp.text(name, language: language)
  }
}
