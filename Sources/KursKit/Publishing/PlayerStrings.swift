/// The words of the web player in en/ru/uk: the runner's own (`Localization`) where they fit, so
/// that the page and the terminal say the same, and a few that only a page needs.
enum PlayerStrings {
  /// The runner's strings the page uses, by their `Localization.Key` name.
  static let runnerKeys: [Localization.Key] = [
    .trueWord, .falseWord, .correct, .partlyCorrect, .notCorrect, .decisionNoted, .hint, .points,
    .rightAnswer, .reviewing, .moduleFinished, .statusPassed, .statusFailed, .statusCompleted,
    .statusNotStarted, .statusInProgress, .moduleScore, .courseComplete, .help,
    .helpResourcesTitle, .glossaryTitle, .noResources, .contentNoteTitle, .noteInfo, .noteTip,
    .noteWarning, .noteImportant, .contactPhone, .contactEmail, .contactWeb, .contactAddress,
    .contactHours, .contactOther, .languageTitle, .testAnswerSaved, .testReviewTitle,
    .testRightBoth, .testWrongToRight, .testRightToWrong, .testWrongBoth, .testExplanation,
    .locked, .chooseModule, .testTaken,
  ]

  /// Strings only the page has: buttons and notices a terminal says otherwise.
  static let pageStrings: [String: [String: String]] = [
    "continue": ["en": "Continue", "ru": "Далее", "uk": "Далі"],
    "back": ["en": "Back", "ru": "Назад", "uk": "Назад"],
    "answer": ["en": "Answer", "ru": "Ответить", "uk": "Відповісти"],
    "start": ["en": "Start", "ru": "Начать", "uk": "Почати"],
    "retake": ["en": "Take again", "ru": "Пройти снова", "uk": "Пройти знову"],
    "contents": ["en": "Contents", "ru": "Содержание", "uk": "Зміст"],
    "pause": ["en": "Pause", "ru": "Пауза", "uk": "Пауза"],
    "paused": [
      "en": "Paused. Your progress is kept in this browser; open this file again to go on.",
      "ru":
        "Пауза. Ваш прогресс сохранён в этом браузере; откройте этот файл снова, чтобы продолжить.",
      "uk":
        "Пауза. Ваш прогрес збережено в цьому браузері; відкрийте цей файл знову, щоб продовжити.",
    ],
    "resume": ["en": "Go on", "ru": "Продолжить", "uk": "Продовжити"],
    "quickExit": ["en": "Quick exit", "ru": "Быстрый выход", "uk": "Швидкий вихід"],
    "quickExitHint": [
      "en": "Quick exit: this button, or Escape twice. Your progress stays unless you erase it.",
      "ru":
        "Быстрый выход: эта кнопка или дважды Escape. Прогресс сохранится, если его не стереть.",
      "uk": "Швидкий вихід: ця кнопка або двічі Escape. Прогрес збережеться, якщо його не стерти.",
    ],
    "erase": [
      "en": "Erase my progress on this device", "ru": "Стереть мой прогресс на этом устройстве",
      "uk": "Стерти мій прогрес на цьому пристрої",
    ],
    "eraseConfirm": [
      "en": "Erase all progress in this course on this device? This cannot be undone.",
      "ru": "Стереть весь прогресс в этом курсе на этом устройстве? Это нельзя отменить.",
      "uk": "Стерти весь прогрес у цьому курсі на цьому пристрої? Це не можна скасувати.",
    ],
    "language": ["en": "Language", "ru": "Язык", "uk": "Мова"],
    "close": ["en": "Close", "ru": "Закрыть", "uk": "Закрити"],
    "storageFailed": [
      "en":
        "Your progress could not be saved in this browser ({0}). You can go on, but a reload will lose it. Try another browser, or leave private mode.",
      "ru":
        "Не удалось сохранить прогресс в этом браузере ({0}). Можно продолжать, но при перезагрузке он пропадёт. Попробуйте другой браузер или выйдите из приватного режима.",
      "uk":
        "Не вдалося зберегти прогрес у цьому браузері ({0}). Можна продовжувати, але після перезавантаження він зникне. Спробуйте інший браузер або вийдіть із приватного режиму.",
    ],
    "journalDamaged": [
      "en":
        "The progress saved in this browser could not be read ({0}); the course starts again. Nothing was erased.",
      "ru":
        "Сохранённый в этом браузере прогресс не удалось прочитать ({0}); курс начинается заново. Ничего не стёрто.",
      "uk":
        "Збережений у цьому браузері прогрес не вдалося прочитати ({0}); курс починається знову. Нічого не стерто.",
    ],
    "contentNoteGoOn": [
      "en": "Understood; start the module", "ru": "Понятно, начать модуль",
      "uk": "Зрозуміло, почати модуль",
    ],
    "minutes": ["en": "about {0} min", "ru": "около {0} мин", "uk": "близько {0} хв"],
    "chosen": ["en": "(your choice)", "ru": "(ваш выбор)", "uk": "(ваш вибір)"],
    "moveUp": ["en": "Move up", "ru": "Выше", "uk": "Вище"],
    "moveDown": ["en": "Move down", "ru": "Ниже", "uk": "Нижче"],
    "attemptsLeft": [
      "en": "Tries left: {0}", "ru": "Осталось попыток: {0}", "uk": "Залишилося спроб: {0}",
    ],
    "chooseFirst": [
      "en": "Choose an answer first.", "ru": "Сначала выберите ответ.",
      "uk": "Спершу виберіть відповідь.",
    ],
    "matchEach": [
      "en": "Choose a match for each item, each match once.",
      "ru": "Выберите пару для каждого пункта, каждую пару один раз.",
      "uk": "Виберіть пару для кожного пункту, кожну пару один раз.",
    ],
    "otherTab": [
      "en":
        "This course is open in another tab or window too, and was used there. This page now shows where that left off; nothing was overwritten.",
      "ru":
        "Этот курс открыт и в другой вкладке или окне, и там с ним работали. Эта страница теперь показывает, где там остановились; ничего не перезаписано.",
      "uk":
        "Цей курс відкрито й в іншій вкладці чи вікні, і там із ним працювали. Ця сторінка тепер показує, де там зупинилися; нічого не перезаписано.",
    ],
    "yourRecords": ["en": "Your records", "ru": "Ваши записи", "uk": "Ваші записи"],
    "saveRecords": [
      "en": "Save my records (a file to send to your trainer)",
      "ru": "Сохранить мои записи (файл для тренера)",
      "uk": "Зберегти мої записи (файл для тренера)",
    ],
    "saveCertificate": [
      "en": "Save my certificate", "ru": "Сохранить сертификат", "uk": "Зберегти сертифікат",
    ],
    "certificateName": [
      "en": "Your name on the certificate", "ru": "Ваше имя в сертификате",
      "uk": "Ваше ім'я в сертифікаті",
    ],
    "savedAs": [
      "en": "Saved as {0}. Nothing was sent anywhere.",
      "ru": "Сохранено как {0}. Ничего никуда не отправлено.",
      "uk": "Збережено як {0}. Нічого нікуди не надіслано.",
    ],
    "notSavedFile": [
      "en": "The file was not saved ({0}).", "ru": "Файл не сохранён ({0}).",
      "uk": "Файл не збережено ({0}).",
    ],
    "requires": [
      "en": "First pass: {0}", "ru": "Сначала пройдите: {0}", "uk": "Спершу пройдіть: {0}",
    ],
  ]

  /// Every string, by name, then by language.
  static func table() -> [String: [String: String]] {
    var table = pageStrings
    for key in runnerKeys {
      var entry: [String: String] = [:]
      for language in Localization.languages {
        entry[language] = Localization.string(key, language, arguments: [])
      }
      table[key.rawValue] = entry
    }
    return table
  }
}
