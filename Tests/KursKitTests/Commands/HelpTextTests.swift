import Testing

@testable import KursKit

/// Issue 20, point 7: `kurs help` in Russian and Ukrainian, with the English text unchanged
/// behind the same API (completion and the man page are built from it).
@Suite struct HelpTextTests {
  @Test func englishIsTheSameTextThroughEitherCall() {
    #expect(HelpText.overview(in: "en") == HelpText.overview)
    #expect(HelpText.overview(in: "de") == HelpText.overview)
    for name in CommandLineParser.commandNames {
      #expect(HelpText.topic(name, in: "en") == HelpText.topic(name), "\(name)")
    }
    #expect(HelpText.topic("nothing", in: "ru") == nil)
  }

  /// Every command and every option the English overview lists is in each translation, so a
  /// translation that falls behind the English fails here.
  @Test func translationsListEveryCommandAndOption() throws {
    let english = HelpText.overview
    let options = try Regex(#"--[a-z-]+"#)
    let listed = Set(english.matches(of: options).map { String(english[$0.range]) })
    for language in ["ru", "uk"] {
      let translated = HelpText.overview(in: language)
      #expect(translated != english)
      for name in CommandLineParser.commandNames where english.contains("\n  \(name) ") {
        #expect(translated.contains("\n  \(name) "), "\(language) lacks \(name)")
      }
      for option in listed {
        #expect(translated.contains(option), "\(language) lacks \(option)")
      }
    }
  }

  @Test func learnersCommandsAreTranslatedAndAuthorsCommandsStayEnglish() throws {
    for name in [
      "start", "resume", "progress", "export", "join", "forget", "courses", "add", "certificate",
      "help",
    ] {
      let russian = try #require(HelpText.topic(name, in: "ru"))
      let ukrainian = try #require(HelpText.topic(name, in: "uk"))
      #expect(russian.hasPrefix("как запускать: kurs \(name)"), "\(name)")
      #expect(ukrainian.hasPrefix("як запускати: kurs \(name)"), "\(name)")
    }
    #expect(HelpText.topic("validate", in: "uk") == HelpText.topic("validate"))
  }

  /// The keys of the runner, with the language key and both Cyrillic layouts, in every help.
  @Test func everyHelpNamesTheLanguageKeyAndTheUkrainianLayout() {
    for language in ["en", "ru", "uk"] {
      #expect(HelpText.overview(in: language).contains("д l"), "\(language)")
      #expect(HelpText.overview(in: language).contains(" і "), "\(language)")
      #expect(Localization.string(.help, language).contains("д l"), "\(language)")
    }
  }
}
