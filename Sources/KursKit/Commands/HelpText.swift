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
      publish html COURSE  the course as one web page for phones, offline (--out FILE.html)
      publish scorm|cmi5 COURSE   a SCORM 1.2 or cmi5 package for Moodle and other platforms
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

  /// Help for one command, or `nil` when there is no such command.
  public static func topic(_ name: String) -> String? {
    switch name {
    case "validate":
      return """
        usage: kurs validate PATH... [--strict] [--json] [--review]

        Checks each course (a folder holding course.xml, or the file itself) against the schema,
        then checks what a schema cannot see: ids that name nothing, unreachable nodes, nodes
        from which no end can be reached, questions without a correct answer, pass marks no path
        can reach, branches that can fall through, flags never set, texts missing in a
        language. Each finding is written to standard error as
          path:line:column: error|warning: message
        so editors can jump to it, then a summary line.

          --strict   count warnings as errors
          --json     print the findings as JSON, to standard output
          --review   also review the questions for what makes them guessable: the correct
                     option markedly or usually the longest, correct answers in one place,
                     true/false answers nearly all alike, "all/none of the above", hints
                     that give the number of correct options, multiple select with nearly
                     every option correct, options that alone repeat the prompt. Findings
                     are warnings with the fix (docs/authoring.md, "Writing fair questions")

        exit codes: 0 valid (warnings allowed), 1 invalid, 2 a file could not be read, 64 usage

        example:
          kurs validate Courses/example Courses/marina --strict
          kurs validate Courses/example --review --strict

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
        usage: kurs new course ID [--dir DIR] [--languages "en ru"]

        Writes DIR/ID/course.xml, a starter course that validates and says what to change
        (DIR: --courses DIR or $KURS_COURSES when given, else Courses/ in the current folder
        when there is one, else the current folder). --languages lists the course's
        languages, the default first; every text is written once per language (English and
        Russian starter texts; other languages get the English text to translate). Never
        overwrites an existing folder.

        examples:
          kurs new course first-aid
          kurs new course first-aid --languages "ru en"
          kurs validate Courses/first-aid

        """
    case "start":
      return """
        usage: kurs start COURSE [--module ID] [--learner NAME] [--lang CODE] [--plain]

        Starts a course, or goes on with it where you stopped. Without --module, the first
        module you have not passed whose prerequisites are done. COURSE is a course id from
        the courses folder (see kurs courses). Before the first module you see the course's
        content note, and before each module what it teaches and about how long it takes.
        Answer by number: 2 for one choice; 1 3 or 1,3 for several; 3 1 2 for an order;
        1b 2a 3c for matching (in Russian and Ukrainian the letters are Cyrillic: 1б 2а 3в;
        or one pair at a time, kept if you stop half-way); true/false by number or word. A
        wrong format (a number typed twice, a letter already used) never costs a try.

        At every prompt: ? help, q save and quit, x quick exit (saves, clears the screen
        and the terminal's scrollback and quits at once), r glossary and help resources,
        p progress, s show the screen again, b back to the previous page, c contents (the
        modules, their state and where you are), l the language of the program and the course
        (remembered for your profile). The same keys work on the Russian and Ukrainian
        layouts (й q, ч x, к r, з p, ы or і s, и b, с c, д l). With --discreet (or
        KURS_DISCREET=1), q also clears the screen and the scrollback. Your place is saved
        from the first screen.

        When input is not a terminal, kurs reads one answer per line and exits with 3 when
        the input ends; progress is saved either way.

        Each step is on disk before the next screen. When it cannot be saved (a full disk,
        no permission), kurs says so and why and keeps you at the same question: Enter
        tries again, q stops with exit code 4.

        examples:
          kurs start marina
          kurs start marina --module evidence --lang ru --plain
          printf '1\\n2\\n' | kurs start example --learner test

        """
    case "resume":
      return """
        usage: kurs resume [--learner NAME]

        Continues the course you were last in, at the very screen you left: the same page,
        or the same question with the same tries used, in the same language. q, Ctrl-C and
        the end of input all save first and print this command to come back. A completed
        course whose certificate files are missing or incomplete gets them written again.

        example:
          kurs resume --learner Sveta

        """
    case "progress":
      return """
        usage: kurs progress [--learner NAME] [--json]

        Shows each course you have started: its status and percent, and each module's
        status, score and pass mark, with locked modules and what they need first.
        --json prints the same for scripts. Without --json, a completed course whose
        certificate files are missing or incomplete gets them written again.

        example:
          kurs progress --learner Sveta --lang ru

        """
    case "export":
      return """
        usage: kurs export [--out FILE] [--learner NAME]

        Writes one JSON file with your records in every course you started: each step as
        an xAPI statement, the course's version and digest, and your pseudonym (never a
        real name). Send it to your trainer if you want them to see your progress. An
        existing file is never overwritten. Default: kurs-export-DATE.json here.

        example:
          kurs export --learner Sveta --out ~/sveta-progress.json

        """
    case "join":
      return """
        usage: kurs join CODE [--learner NAME]

        Joins the cohort your host created: your records in that course carry the cohort's
        mark, so the host can group them. Nothing is sent anywhere: the host sees your
        progress only when you send an export (kurs export). You can also join while
        starting: kurs start marina --cohort CODE.

        example:
          kurs join marina-K7P4QX

        """
    case "cohort":
      return """
        usage: kurs cohort new NAME --course COURSE
               kurs cohort import NAME FILE|FOLDER... [--replace]
               kurs cohort pull NAME --lrs URL [--since TIME] [--until TIME]
               kurs cohort report NAME [--csv FILE|-] [--json] [--html FILE|-] [--replace]

        For webinar hosts. 'new' creates a cohort and prints its join code for learners.
        'import' reads the files learners send (kurs export): importing a file twice changes
        nothing, a newer export of the same learner replaces the older one (when one is
        dated in the future, a wrong clock, the longer one wins and the conflict is shown;
        --replace keeps the given files whatever their dates), a file above 256 MB is
        refused, and a damaged, edited or other-course file is refused with the reason
        while the rest go on.
        'pull' reads the cohort's statements (by its registration) from a learning record
        store and stores them as imports are, so the report is the same either way; it
        follows the store's 'more' links only on the same server, the only one that gets
        the credentials.
        'report' prints each learner by module (status, score, tries, last activity, where
        they are), the completion funnel and the hardest questions; --csv writes a table for
        spreadsheets (UTF-8 with a byte order mark; cells that would run as formulas start
        with '), --json prints it for other tools, --html writes one page with charts (no
        scripts, works offline). FILE - writes to standard output; a file already there is
        kept unless --replace. See docs/cohorts.md.

        examples:
          kurs cohort new spring --course marina
          kurs cohort import spring ~/Downloads/kurs-export-*.json
          kurs cohort report spring --html spring.html

        """
    case "forget":
      return """
        usage: kurs forget LEARNER

        Deletes the learner's profile, progress and certificates from this computer (and any
        temporary copy of learners.json), after you type the name again to confirm. It cannot
        be undone, and it refuses while the learner is learning in another window. Files
        already exported or sent are not affected. See docs/privacy.md.

        example:
          kurs forget Sveta --data-dir /media/usb/kurs

        """
    case "courses":
      return """
        usage: kurs courses

        Lists the courses with their version, title and whether they are valid, and where
        each folder of courses is. When it finds none, it says where it looked and exits 1.

        where kurs looks for courses:
          1. --courses DIR: only there
          2. else $KURS_COURSES: only there
          3. else all of these, earlier first (a course id found earlier hides the same id
             later, so a newer copy you added wins over the one installed):
             - your courses: DATA/courses, by default ~/.local/share/kurs/courses
               ($XDG_DATA_HOME/kurs/courses); 'kurs add' puts courses there
             - the courses installed with kurs: ../share/kurs/courses beside the program
               (/usr/share/kurs/courses for the .deb)
             - Courses/ in the current folder
             - the Courses/ of the checkout kurs was built in (swift run kurs)
        Shared material (content:FILE) is read from the Content/ folder beside a course's
        folder (share/kurs/content for installed courses), or --content DIR.

        examples:
          kurs courses
          kurs courses --courses ~/my-courses

        """
    case "pack":
      return """
        usage: kurs pack COURSE [--out FILE]

        Writes the whole course as one file: its course.xml with the module files and the
        shared Content/ files it uses carried inside (<files>). Send that one file to
        learners (by messenger, e-mail or a USB stick); they add it with 'kurs add FILE'.
        The packed course is the same course: certificates, exports and cohorts made with it
        verify and import against the folder, and the other way round. The course must be
        valid; the packed file is loaded and checked before it is written (default
        ID-VERSION.xml in the current folder, like marina-1.0.0.xml; an existing file is never replaced).

        example:
          kurs pack marina --out marina.xml

        """
    case "publish":
      return """
        usage: kurs publish html COURSE [--out FILE.html] [--lrs URL [--lrs-credentials FILE]]
               kurs publish scorm COURSE [--out FILE.zip]
               kurs publish cmi5 COURSE [--out FILE.zip]

        Writes the course as one self-contained web page that plays it in any browser, on a
        phone too, offline: no server, no network, no other file. Send the page to learners
        (by messenger, e-mail or a USB stick); they open it from their files. The page plays
        by the same rules as 'kurs start' (scores, tries, hints, branches, languages) and
        keeps the learner's progress in the browser, so a reload or a closed tab resumes at
        the same screen. It has a quick exit (its button, or Escape twice) and the course's
        help resources on every screen. The course must be valid: errors are shown with
        their file and line and nothing is written. The page is written whole or not at all
        (default ID-VERSION.html in the current folder); an existing file is replaced.

        With --lrs URL the page also sends the learner's statements to that xAPI learning
        record store, when the phone is online (they wait in the browser until then). The
        store's user:password comes from --lrs-credentials FILE, else KURS_LRS_USER and
        KURS_LRS_PASSWORD, and is written into the page: give such a page only to your own
        learners. Without --lrs nothing leaves the phone.

        'kurs publish scorm' writes a SCORM 1.2 package (a ZIP) for a learning platform such
        as Moodle (add an activity, choose "SCORM package", upload the file): the same page,
        which reports to the platform whether the learner completed and passed the course,
        the score as a percentage, and where to resume. 'kurs publish cmi5' writes a cmi5
        package: the page sends the learner's statements to the platform's record store.
        Either is written whole or not at all (default ID-VERSION-scorm.zip or
        ID-VERSION-cmi5.zip). See docs/publishing.md for the platform's settings.

        examples:
          kurs publish html marina --out marina.html
          kurs publish scorm marina --out marina-scorm.zip
          kurs publish cmi5 marina --out marina-cmi5.zip

        """
    case "add":
      return """
        usage: kurs add FILE|FOLDER

        Checks a course (a packed course file, a course.xml or a course folder) and adds it
        to your courses (DATA/courses, by default ~/.local/share/kurs/courses) as one file, so
        that 'kurs start ID' finds it. A broken course is refused with its errors and nothing
        is added. Adding a course with the id of one you have replaces it (your progress is
        kept: it belongs to you, not to the course file).

        example:
          kurs add marina.xml
          kurs start marina

        """
    case "import":
      return """
        usage: kurs import moodle|gift FILE [--out DIR] [--lang CODE]

        Makes a question bank you already have into a new Kurs course: FILE is a Moodle XML
        export (kurs import moodle) or a GIFT text file (kurs import gift). It writes the
        folder DIR (default: the file's name, here) with a course.xml that 'kurs validate
        --strict' accepts: one module per category, its questions one after the other, pass
        mark 50%. An existing folder is never replaced; nothing is written unless all of it is.

        Carried over: single and multiple choice (fractions: the 100% answer of a single
        choice is the correct one; in a multiple choice every answer above 0% is correct),
        true/false, matching, ordering (Moodle's ordering question type), question texts,
        per-answer and general feedback, hints (each adds a try), default grades (points),
        categories (modules), Moodle's multilang spans and {mlang} tags (one xml:lang text
        per language; the course's languages are those the file uses), and the HTML
        paragraphs, line breaks, lists, bold and italics. --lang CODE is the language of
        texts without multilang markup (default en).

        Not carried over, each named in the report with FILE:LINE and the question's name:
        short answer, numerical, essay, cloze, description, calculated and drag-and-drop
        questions; images and files; other HTML markup (its text is kept); partial credit
        and negative fractions Kurs cannot express; extra wrong answers of a matching.

        A broken file (not UTF-8, not well-formed XML, a <!DOCTYPE>, a GIFT brace never
        closed) is refused with FILE:LINE:COLUMN and nothing is written.

        exit codes: 0 imported (the report may list what was left out), 1 a broken file or
        nothing that maps, or DIR exists, 2 a file that cannot be read or written, 64 usage

        examples:
          kurs import moodle questions.xml --out Courses/police-test
          kurs import gift quiz.txt --lang ru
          kurs validate --strict Courses/police-test

        """
    case "schema":
      return """
        usage: kurs schema

        Prints the XML Schema (XSD) of the course format, version 1, for editors that check
        XML as you type.

        example:
          kurs schema > kurs-course-1.xsd

        """
    case "certificate":
      return """
        usage: kurs certificate verify FILE [--issuer-key PUB] [--lang CODE]
               kurs certificate sign FILE --key KEY --issuer-name NAME [--out FILE]
               kurs certificate print FILE [--issuer-key PUB] [--no-title] [--out FILE] [--replace]
               kurs certificate context

        When a learner completes a course, Kurs writes their certificate in their data folder
        (certificates/LEARNER/COURSE.txt, .html and .json). The .json file is an Open Badges
        3.0 credential holding the course's id, version and digest, the modules with their
        scores, the date and every answer given.

        verify checks a certificate against its course, which must be in the courses folder
        (--courses DIR), in the same version: it replays the answers through the course and
        checks that they earn the scores and passes the certificate claims, and that no field
        was edited. A signed certificate (.jwt) also needs the issuer's public key. Without a
        signature, a valid certificate shows that its results follow from its answers; it does
        not show who took the course. The verdict and each problem are printed in your
        language (--lang); the problems' details stay in English. See docs/certificates.md.

        sign checks the certificate the same way, then signs it with your private key as a
        VC-JWT (EdDSA) under the name you give, and writes FILE.jwt (or --out FILE). It never
        signs a certificate that does not check.

        print checks the certificate the same way, then writes the page to print (one A4 or
        US Letter page) to standard output or --out FILE. --no-title leaves the course title
        off the page, for when a title could expose you (one that names drug use, say): the
        page then names the course by its id and version only. The .json and .jwt keep the
        title; they are unchanged and still check.

        context prints Kurs's JSON-LD context, urn:kurs:context:1, which gives the terms
        under "kurs" in a credential their IRIs; JSON-LD tools load it from this copy, never
        from the network.

          --issuer-key PUB   the issuer's public key (.pub), to check a signed certificate
          --key KEY          your private key (.key), from kurs keys new
          --issuer-name NAME the person or organisation signing, as the certificate shows it
          --out FILE         where to write the signed certificate or the page (a page is
                             never written over an existing file unless --replace)
          --no-title         print the page without the course title
          --replace          let print replace the file --out names

        exit codes: 0 valid (or signed, or printed), 1 invalid or not signed, 2 a file or
        the course could not be read, 64 usage

        examples:
          kurs certificate verify example.json
          kurs certificate sign example.json --key trainer.key --issuer-name 'Harm Reduction Network'
          kurs certificate verify example.jwt --issuer-key trainer.pub
          kurs certificate print example.json --no-title --out example-print.html

        """
    case "completion":
      return """
        usage: kurs completion bash|zsh

        Prints a script that completes kurs's commands, subcommands, options and course ids
        as you type. The course ids are those found when the script is written: write it
        again after adding a course.

        examples:
          source <(kurs completion bash)                 (in ~/.bashrc)
          kurs completion bash > ~/.local/share/bash-completion/completions/kurs
          source <(kurs completion zsh)                  (in ~/.zshrc, after compinit)

        """
    case "man":
      return """
        usage: kurs man

        Prints kurs's manual page, kurs(1), made from this help.

        examples:
          kurs man | man -l -
          kurs man > ~/.local/share/man/man1/kurs.1

        """
    case "keys":
      return """
        usage: kurs keys new [--out DIR] [--name NAME]

        Makes an Ed25519 key pair for signing certificates: DIR/NAME.key, your private key
        (readable only by you: keep it secret and backed up), and DIR/NAME.pub, your public
        key, for anyone who checks the certificates you sign. DIR is the current folder and
        NAME is 'issuer' unless given. Never overwrites a key.

        example:
          kurs keys new --name trainer --out ~/kurs-keys

        """
    case "help":
      return """
        usage: kurs help [COMMAND] [--lang CODE]

        Explains a command, with an example, in the language of --lang or of the system
        (LANGUAGE, LC_ALL, LANG): en, ru or uk. The commands for authors and hosts are
        explained in English in every language.

        example:
          kurs help validate

        """
    default:
      return nil
    }
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
    guard let english = topic(name) else { return nil }
    switch language {
    case "ru": return russianTopic(name) ?? english
    case "uk": return ukrainianTopic(name) ?? english
    default: return english
    }
  }
}
