import Foundation

/// The certificate at the end of a course: issued from the journal (the answers that earned
/// it) when the learner completes the course, and made again when its set of files is missing
/// or incomplete (a stop at the last screen, a kill while writing). Writes the files and says
/// what happened; the session shows it.
struct CertificateAward {
  let course: Course
  let learner: LearnerProfile
  let journal: Journal
  /// Where the certificates go; `nil`: none are issued.
  let directory: URL?
  /// The date the certificate carries.
  let now: @Sendable () -> Date
  /// The certificate's own id (after `urn:uuid:`).
  let newID: @Sendable () -> String

  /// What issuing the certificate came to.
  enum Outcome {
    /// None is due: no certificates folder was given, or the set on disk is whole.
    case notDue
    /// The certificate's files are on disk: its text and the files, in order.
    case issued(text: String, files: [URL], directory: URL)
    /// A problem; the learner's progress is untouched.
    case failed(any Error)
  }

  /// Issues the certificate from the journal and writes its files.
  /// - Parameters:
  ///   - language: the language of the certificate's texts.
  ///   - width: the terminal's width, for the certificate's text.
  func issue(language: String, width: Int) -> Outcome {
    guard let directory else { return .notDue }
    do {
      let inputs = try journal.read().entries.compactMap(\.input)
      let credential = try CertificateIssuer.issue(
        course: course, learnerID: learner.id, learnerName: learner.name, transcript: inputs,
        date: now(), language: language, id: newID())
      let (text, files) = try CertificateFiles.write(
        credential, course: course, language: language, to: directory, width: width)
      return .issued(text: text, files: files, directory: directory)
    } catch {
      return .failed(error)
    }
  }

  /// Issues the certificate again when the course is complete and its set of files is missing
  /// or incomplete; nothing is done when the set is whole.
  func repair(completed: Bool, language: String, width: Int) -> Outcome {
    guard let directory, completed else { return .notDue }
    if CertificateFiles.isComplete(course: course, in: directory) { return .notDue }
    return issue(language: language, width: width)
  }
}
