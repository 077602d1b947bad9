/// Every string the runner shows, in every UI language. One table, so a missing translation is
/// a test failure, not a surprise on a learner's screen.
public enum Localization: StringTable {
  /// The languages the runner speaks.
  public static let languages = ["en", "ru", "uk"]

  public enum Key: String, CaseIterable, Sendable {
    case trueWord, falseWord
    case footer, footerNoBack
    case pressEnter
    case promptSingle, promptMultiple, promptOrdering, promptMatching, promptTrueFalse,
      promptDecision
    case invalidNumber, invalidMultiple, invalidOrdering, invalidMatching, invalidTrueFalse,
      matchingSoFar
    case correct, partlyCorrect, notCorrect, decisionNoted
    case tryAgain, hint, points, rightAnswer
    case progressLine, reviewing, cannotGoBack
    case moduleFinished, statusPassed, statusFailed, statusCompleted, statusNotStarted,
      statusInProgress
    case moduleScore, retryModule, nextModule, courseComplete
    case saved, inputEnded
    case help
    case languageTitle, languagePrompt, languageNow, languageRemembered, courseShownIn, languageHint
    case verifyValid, verifyModule, verifyPassed, verifyNotPassed, verifyTranscript, verifySigned
    case verifySignedMeaning, verifyIssuerUnsigned, verifyNotSigned, verifyInvalidOne,
      verifyInvalidMany
    case verifyProblem, problemFormat, problemCourse, problemCourseVersion, problemCourseDigest,
      problemName
    case problemDate, problemLearner, problemTranscript, problemScores, problemContent,
      problemSignature
    case problemIssuer, exportNoFolder, noSuchCourse, didYouMean, verifyNeedsKey,
      verifyCourseNotHere
    case coursesIn, courseInvalidEntry, courseAdded, courseReplaced, courseUnchanged,
      courseStartWith
    case resourcesTitle, glossaryTitle, helpResourcesTitle, checklistsTitle, noResources
    case contentNoteTitle, pauseReminder, nothingSavedYet
    case noteInfo, noteTip, noteWarning, noteImportant
    case contactPhone, contactEmail, contactWeb, contactAddress, contactHours, contactOther
    case noSuchLearner, unknownLanguage, learnerBusy, retakeNeeded, joined, joinCodeInvalid,
      lrsWaiting
    case lrsSending, lrsLater
    case exportWritten, exportExists, exportFailed, forgetConfirm, forgetCancelled, forgetDone,
      forgetFailed
    case whoIsLearning, newProfile, typeName, chooseCourse, chooseModule, locked, noLearners, orQuit
    case courseProgress, moduleProgress
    case noSuchModule, saveFailed, moduleLocked, branchLoop, courseChanged, noCourses, testTaken
    case testAnswerSaved, testBeforeEnd, testReviewTitle, testReviewItem, testRightBoth,
      testWrongToRight
    case testRightToWrong, testWrongBoth, testExplanation, testScores, progressLineTest
    case journalUnreadable, journalTooNew, journalDamaged, journalCutOff, journalCutOffEarlier,
      journalGap
    case notSaved, notSavedDiskFull, notSavedPermission, notSavedStopped
    case learnersUnreadable, learnerNameInvalid, learnerNameForbidden, courseIDUnsafe
    case lockFailed, learnerNameTaken, learnerIDUnsafe, learnerGone, dataFolderOpen,
      dataFolderForeign
    case dataFolderLink, forgetNamesakeRemains
    // Certificates
    case certificateHeading, certificateAwardedTo, certificateForCourse, certificateDate
    case certificateModules, certificateModuleLine, certificateTotal
    case certificateColumnModule, certificateColumnPoints, certificateColumnPassMark,
      certificateColumnResult
    case certificateCourseVersion, certificateID, certificateDigest
    case certificateNotSigned, certificateSignedBy, certificateCheck, certificateSaved,
      certificateFailed
    case certificateCriteria, certificateCriteriaMinimum, quoted
    // Issue 20: feedback, orientation and safety
    case repeatedNumber, letterTaken, invalidMatchingLetters, promptMatchingLetters,
      verdictChosenRight
    case verdictChosenWrong, verdictMissed, expectedNumbers, lostTry, lostTryHint, lostMissed,
      lostWrong
    case lostInPlace, progressLineAbout, progressLineTestAbout, objectivesTitle, estimatedTime,
      welcomeBack
    case reviewMissedTitle, reviewMissedItem, contentsTitle, contentsLine, contentsHere,
      footerContents
    case helpMore, localContactsTitle, localContactChecked, noLocalContacts
    case certificateFileUnreadable, certificateFileNotOne, verifyNothingToCheck
  }

  public static let table: [Key: [String: String]] = [
    .trueWord: ["en": "true", "ru": "верно", "uk": "правда"],
    .falseWord: ["en": "false", "ru": "неверно", "uk": "неправда"],
    .footer: [
      "en":
        "? help · q save and quit · x quick exit · r resources · p progress · s show again · b back",
      "ru":
        "? справка · q сохранить и выйти · x быстрый выход · r материалы · p прогресс · s показать снова · b назад",
      "uk":
        "? довідка · q зберегти й вийти · x швидкий вихід · r матеріали · p прогрес · s показати ще раз · b назад",
    ],
    .footerNoBack: [
      "en": "? help · q save and quit · x quick exit · r resources · p progress · s show again",
      "ru":
        "? справка · q сохранить и выйти · x быстрый выход · r материалы · p прогресс · s показать снова",
      "uk":
        "? довідка · q зберегти й вийти · x швидкий вихід · r матеріали · p прогрес · s показати ще раз",
    ],
    .pressEnter: [
      "en": "Press Enter to continue.",
      "ru": "Нажмите Enter, чтобы продолжить.",
      "uk": "Натисніть Enter, щоб продовжити.",
    ],
    .promptSingle: [
      "en": "Type the number of your answer.",
      "ru": "Введите номер ответа.",
      "uk": "Введіть номер відповіді.",
    ],
    .promptMultiple: [
      "en": "Type the numbers of all answers that apply, for example: 1 3",
      "ru": "Введите номера всех подходящих ответов, например: 1 3",
      "uk": "Введіть номери всіх відповідей, які підходять, наприклад: 1 3",
    ],
    .promptOrdering: [
      "en": "Type the numbers in the right order, for example: 3 1 2",
      "ru": "Введите номера в правильном порядке, например: 3 1 2",
      "uk": "Введіть номери в правильному порядку, наприклад: 3 1 2",
    ],
    .promptMatching: [
      "en": "Match each number with a letter, for example: 1b 2a 3c (or one pair at a time: 1b).",
      "ru": "Сопоставьте каждую цифру с буквой, например: 1b 2a 3c (или по одной паре: 1b).",
      "uk": "Зіставте кожну цифру з літерою, наприклад: 1b 2a 3c (або по одній парі: 1b).",
    ],
    .promptTrueFalse: [
      "en": "Type 1 or 2, or the word true or false.",
      "ru": "Введите 1 или 2, или слово «верно» или «неверно».",
      "uk": "Введіть 1 або 2 чи слово «правда» або «неправда».",
    ],
    .promptDecision: [
      "en": "What happens next is up to you. Type the number of your choice.",
      "ru": "Что будет дальше, решаете вы. Введите номер вашего выбора.",
      "uk": "Що буде далі, вирішуєте ви. Введіть номер свого вибору.",
    ],
    .invalidNumber: [
      "en": "Type one number from 1 to {0}.",
      "ru": "Введите одно число от 1 до {0}.",
      "uk": "Введіть одне число від 1 до {0}.",
    ],
    .invalidMultiple: [
      "en": "Type one or more numbers from 1 to {0}, separated by spaces or commas.",
      "ru": "Введите одно или несколько чисел от 1 до {0} через пробел или запятую.",
      "uk": "Введіть одне чи кілька чисел від 1 до {0} через пробіл або кому.",
    ],
    .invalidOrdering: [
      "en": "Type each number from 1 to {0} once, in your order.",
      "ru": "Введите каждое число от 1 до {0} по одному разу, в нужном порядке.",
      "uk": "Введіть кожне число від 1 до {0} по одному разу, у потрібному порядку.",
    ],
    .matchingSoFar: [
      "en": "Matched so far: {0}. Still to match: {1}.",
      "ru": "Уже сопоставлено: {0}. Осталось: {1}.",
      "uk": "Уже зіставлено: {0}. Залишилося: {1}.",
    ],
    .invalidMatching: [
      "en": "Give each number from 1 to {0} one letter from a to {1}, for example: 1b 2a",
      "ru": "Дайте каждому числу от 1 до {0} одну букву от a до {1}, например: 1b 2a",
      "uk": "Дайте кожному числу від 1 до {0} одну літеру від a до {1}, наприклад: 1b 2a",
    ],
    .invalidTrueFalse: [
      "en": "Type 1 or 2, or the word true or false.",
      "ru": "Введите 1 или 2, или слово «верно» или «неверно».",
      "uk": "Введіть 1 або 2 чи слово «правда» або «неправда».",
    ],
    .correct: ["en": "Correct.", "ru": "Правильно.", "uk": "Правильно."],
    .partlyCorrect: [
      "en": "Partly correct.", "ru": "Частично правильно.", "uk": "Частково правильно.",
    ],
    .notCorrect: ["en": "Not quite.", "ru": "Неправильно.", "uk": "Неправильно."],
    .decisionNoted: [
      "en": "Your choice is noted.", "ru": "Ваш выбор учтён.", "uk": "Ваш вибір враховано.",
    ],
    .tryAgain: [
      "en": "Not quite. Try again (tries left: {0}).",
      "ru": "Не совсем так. Попробуйте ещё раз (осталось попыток: {0}).",
      "uk": "Не зовсім так. Спробуйте ще раз (залишилося спроб: {0}).",
    ],
    .hint: ["en": "Hint", "ru": "Подсказка", "uk": "Підказка"],
    .points: ["en": "Points: {0} of {1}", "ru": "Баллы: {0} из {1}", "uk": "Бали: {0} з {1}"],
    .rightAnswer: [
      "en": "The expected answer:", "ru": "Ожидаемый ответ:", "uk": "Очікувана відповідь:",
    ],
    .progressLine: [
      "en": "Module {0} of {1}: {2} · step {3} · points {4} of {5}",
      "ru": "Модуль {0} из {1}: {2} · шаг {3} · баллы {4} из {5}",
      "uk": "Модуль {0} з {1}: {2} · крок {3} · бали {4} з {5}",
    ],
    .reviewing: [
      "en": "Reading again: nothing here is recorded.",
      "ru": "Повторное чтение: здесь ничего не записывается.",
      "uk": "Повторне читання: тут нічого не записується.",
    ],
    .cannotGoBack: [
      "en": "You cannot go back from here.",
      "ru": "Отсюда нельзя вернуться назад.",
      "uk": "Звідси не можна повернутися назад.",
    ],
    .moduleFinished: ["en": "End of the module", "ru": "Конец модуля", "uk": "Кінець модуля"],
    .statusPassed: ["en": "passed", "ru": "пройден", "uk": "пройдено"],
    .statusFailed: ["en": "not passed yet", "ru": "пока не пройден", "uk": "ще не пройдено"],
    .statusCompleted: ["en": "completed", "ru": "завершён", "uk": "завершено"],
    .statusNotStarted: ["en": "not started", "ru": "не начат", "uk": "не розпочато"],
    .statusInProgress: ["en": "in progress", "ru": "в процессе", "uk": "триває"],
    .moduleScore: [
      "en": "Your score: {0} of {1}. Pass mark: {2}. Result: {3}.",
      "ru": "Ваш результат: {0} из {1}. Проходной балл: {2}. Итог: {3}.",
      "uk": "Ваш результат: {0} з {1}. Прохідний бал: {2}. Підсумок: {3}.",
    ],
    .retryModule: [
      "en": "You can take this module again whenever you are ready.",
      "ru": "Вы можете пройти этот модуль ещё раз, когда будете готовы.",
      "uk": "Ви можете пройти цей модуль ще раз, коли будете готові.",
    ],
    .nextModule: ["en": "Next: {0}.", "ru": "Дальше: {0}.", "uk": "Далі: {0}."],
    .courseComplete: [
      "en": "You have completed the course.",
      "ru": "Вы прошли курс.",
      "uk": "Ви пройшли курс.",
    ],
    .saved: [
      "en": "Your progress is saved. To continue later, run:\n  {0}",
      "ru": "Ваш прогресс сохранён. Чтобы продолжить позже, запустите:\n  {0}",
      "uk": "Ваш прогрес збережено. Щоб продовжити пізніше, запустіть:\n  {0}",
    ],
    .inputEnded: [
      "en": "Input ended. Your progress is saved. To continue, run:\n  {0}",
      "ru": "Ввод закончился. Ваш прогресс сохранён. Чтобы продолжить, запустите:\n  {0}",
      "uk": "Введення закінчилося. Ваш прогрес збережено. Щоб продовжити, запустіть:\n  {0}",
    ],
    .help: [
      "en": """
      Keys you can type at any prompt:
        ?  this help
        q  save and quit (you can come back any time with: kurs resume)
        x  quick exit: saves, clears the screen and the terminal's scrollback, and quits at once
        r  resources: glossary, checklists, where to get help
        p  your progress
        s  show the screen again
        b  back to the previous page, where the course allows it
        l  language: choose the language of the program and of the course
      Answers: a number (2); several numbers (1 3 or 1,3); an order (3 1 2); matches (1b 2a 3c).
      The keys work on the Russian and Ukrainian layouts too: й q, ч x, к r, з p, ы or і s, и b, д l.
      """,
      "ru": """
      Клавиши, которые работают в любой момент:
        ?  эта справка
        q  сохранить и выйти (вернуться можно в любой момент: kurs resume)
        x  быстрый выход: сохраняет, очищает экран и историю прокрутки терминала и сразу закрывает программу
        r  материалы: глоссарий, памятки, где получить помощь
        p  ваш прогресс
        s  показать экран снова
        b  назад к предыдущей странице, если курс это позволяет
        l  язык: выбрать язык программы и курса
      Ответы: номер (2); несколько номеров (1 3 или 1,3); порядок (3 1 2); пары (1б 2а 3в).
      Клавиши работают и в русской и украинской раскладке: й q, ч x, к r, з p, ы или і s, и b, д l.
      """,
      "uk": """
      Клавіші, які працюють будь-коли:
        ?  ця довідка
        q  зберегти й вийти (повернутися можна будь-коли: kurs resume)
        x  швидкий вихід: зберігає, очищує екран та історію прокручування термінала й одразу закриває програму
        r  матеріали: глосарій, пам’ятки, де отримати допомогу
        p  ваш прогрес
        s  показати екран ще раз
        b  назад до попередньої сторінки, якщо курс це дозволяє
        l  мова: вибрати мову програми й курсу
      Відповіді: номер (2); кілька номерів (1 3 або 1,3); порядок (3 1 2); пари (1б 2а 3в).
      Клавіші працюють і в українській та російській розкладці: й q, ч x, к r, з p, і або ы s, и b, д l.
      """,
    ],
    .exportNoFolder: [
      "en": "{0}: the folder {1} does not exist: create it first, or choose another --out",
      "ru": "{0}: папки {1} нет: сначала создайте её или укажите другую через --out",
      "uk": "{0}: папки {1} немає: спершу створіть її або вкажіть іншу через --out",
    ],
    .noSuchCourse: [
      "en": "no course '{0}'{1}; looked in {2}; give a course id or a path",
      "ru": "курса «{0}» нет{1}; искали в: {2}; укажите идентификатор курса или путь к нему",
      "uk": "курсу «{0}» немає{1}; шукали в: {2}; вкажіть ідентифікатор курсу або шлях до нього",
    ],
    .didYouMean: [
      "en": " (did you mean '{0}'?)", "ru": " (может быть, «{0}»?)", "uk": " (можливо, «{0}»?)",
    ],
    // MARK: kurs courses, kurs add
    .coursesIn: ["en": "courses in {0}:", "ru": "курсы в {0}:", "uk": "курси в {0}:"],
    .courseInvalidEntry: [
      "en": "(invalid: {0} errors; run {1})",
      "ru": "(с ошибками, их число: {0}; запустите {1})",
      "uk": "(з помилками, їх кількість: {0}; запустіть {1})",
    ],
    .courseAdded: [
      "en": "added course '{0}' {1} ({2}) to {3}",
      "ru": "курс «{0}» {1} ({2}) добавлен в {3}",
      "uk": "курс «{0}» {1} ({2}) додано до {3}",
    ],
    .courseReplaced: [
      "en": "replaced course '{0}' {1} with {2} ({3}) in {4}",
      "ru": "курс «{0}» обновлён с версии {1} до {2} ({3}) в {4}",
      "uk": "курс «{0}» оновлено з версії {1} до {2} ({3}) у {4}",
    ],
    .courseUnchanged: [
      "en": "course '{0}' {1} ({2}) was already in your courses; it is unchanged",
      "ru": "курс «{0}» {1} ({2}) уже есть среди ваших курсов; он не изменён",
      "uk": "курс «{0}» {1} ({2}) уже є серед ваших курсів; його не змінено",
    ],
    .courseStartWith: [
      "en": "start it with: {0}", "ru": "начать его: {0}", "uk": "почати його: {0}",
    ],
    // MARK: Choosing the language (the l key)
    .languageTitle: [
      "en": "Language · Язык · Мова", "ru": "Язык · Language · Мова",
      "uk": "Мова · Language · Язык",
    ],
    .languagePrompt: [
      "en": "Type the number of a language (1 to {0}), or press Enter to keep {1}.",
      "ru": "Введите номер языка (от 1 до {0}) или нажмите Enter, чтобы оставить: {1}.",
      "uk": "Введіть номер мови (від 1 до {0}) або натисніть Enter, щоб залишити: {1}.",
    ],
    .languageHint: [
      "en": "Type l to choose the language (now: {0}).",
      "ru": "Введите l, чтобы выбрать язык (сейчас: {0}).",
      "uk": "Введіть l, щоб вибрати мову (зараз: {0}).",
    ],
    .languageNow: ["en": "Language: {0}.", "ru": "Язык: {0}.", "uk": "Мова: {0}."],
    .languageRemembered: [
      "en": "Kurs remembers this choice for {0}, also when you resume.",
      "ru": "Kurs запомнит этот выбор для профиля «{0}», в том числе когда вы продолжите позже.",
      "uk": "Kurs запам’ятає цей вибір для профілю «{0}», зокрема коли ви продовжите пізніше.",
    ],
    .courseShownIn: [
      "en": "This course has no text in {0}; it is shown in {1}.",
      "ru": "В этом курсе нет текста на выбранном языке ({0}); он показан на языке: {1}.",
      "uk": "Цей курс не має тексту вибраною мовою ({0}); його показано мовою: {1}.",
    ],
    // MARK: kurs certificate verify
    .verifyValid: [
      "en": "valid: {0}: certificate of {1} for course '{2}' {3} ({4}), {5}",
      "ru":
        "сертификат действителен: {0}. Получатель: {1}; курс «{2}», версия {3} ({4}); дата: {5}",
      "uk": "сертифікат дійсний: {0}. Отримувач: {1}; курс «{2}», версія {3} ({4}); дата: {5}",
    ],
    .verifyModule: [
      "en": "  {0}: {1} of {2} points, pass mark {3}, {4}",
      "ru": "  {0}: баллы {1} из {2}, проходной балл {3}, {4}",
      "uk": "  {0}: бали {1} з {2}, прохідний бал {3}, {4}",
    ],
    .verifyPassed: ["en": "passed", "ru": "пройден", "uk": "пройдено"],
    .verifyNotPassed: ["en": "not passed", "ru": "не пройден", "uk": "не пройдено"],
    .verifyTranscript: [
      "en": "  the scores and passes are what the {0} steps of the transcript earn in this course",
      "ru":
        "  баллы и результаты — ровно то, что дают в этом курсе шаги из записи ответов (шагов: {0})",
      "uk":
        "  бали й результати — саме те, що дають у цьому курсі кроки із запису відповідей (кроків: {0})",
    ],
    .verifySigned: [
      "en": "signed by {0} ({1}) with the key in {2}",
      "ru": "подпись: {0} ({1}), ключ из файла {2}",
      "uk": "підпис: {0} ({1}), ключ із файлу {2}",
    ],
    .verifySignedMeaning: [
      "en": "  this shows who issued the certificate, as long as {0} really is their public key",
      "ru": "  это показывает, кто выдал сертификат, если {0} действительно их открытый ключ",
      "uk": "  це показує, хто видав сертифікат, якщо {0} справді їхній відкритий ключ",
    ],
    .verifyIssuerUnsigned: [
      "en": "note: it names the issuer {0} ({1}) but carries no signature; check the signed .jwt",
      "ru":
        "примечание: в нём указано, кто его выдал: {0} ({1}), но подписи нет; проверьте подписанный файл .jwt",
      "uk":
        "примітка: у ньому вказано, хто його видав: {0} ({1}), але підпису немає; перевірте підписаний файл .jwt",
    ],
    .verifyNotSigned: [
      "en":
        "not signed: this shows the certificate is consistent and its results follow from its answers;\n  it does not show who took the course or that the name and date are genuine: ask for the signed .jwt",
      "ru":
        "не подписан: это показывает, что сертификат непротиворечив и его результаты следуют из его ответов;\n  но не показывает, кто проходил курс и подлинны ли имя и дата: попросите подписанный файл .jwt",
      "uk":
        "не підписано: це показує, що сертифікат несуперечливий і його результати випливають із його відповідей;\n  але не показує, хто проходив курс і чи справжні ім’я та дата: попросіть підписаний файл .jwt",
    ],
    .verifyInvalidOne: [
      "en": "invalid: {0}: {1} problem",
      "ru": "сертификат недействителен: {0}; найдено проблем: {1}",
      "uk": "сертифікат недійсний: {0}; знайдено проблем: {1}",
    ],
    .verifyInvalidMany: [
      "en": "invalid: {0}: {1} problems",
      "ru": "сертификат недействителен: {0}; найдено проблем: {1}",
      "uk": "сертифікат недійсний: {0}; знайдено проблем: {1}",
    ],
    .verifyProblem: [
      "en": "{0}: error: {1}: {2}",
      "ru": "{0}: ошибка: {1}. Подробно (по-английски): {2}",
      "uk": "{0}: помилка: {1}. Докладно (англійською): {2}",
    ],
    .verifyNeedsKey: [
      "en": "{0} is signed; give the issuer's public key to check it: {1}",
      "ru": "{0} подписан; чтобы проверить его, укажите открытый ключ того, кто его выдал: {1}",
      "uk": "{0} підписано; щоб перевірити його, вкажіть відкритий ключ того, хто його видав: {1}",
    ],
    .verifyCourseNotHere: [
      "en":
        "{0} is for course '{1}' version {2}, which is not here (looked in {3}); add that course with 'kurs add FILE', or give the folder that holds it with --courses DIR",
      "ru":
        "{0} выдан за курс «{1}» версии {2}, а его здесь нет (искали в: {3}); добавьте этот курс командой «kurs add ФАЙЛ» или укажите папку с ним через --courses DIR",
      "uk":
        "{0} видано за курс «{1}» версії {2}, а його тут немає (шукали в: {3}); додайте цей курс командою «kurs add ФАЙЛ» або вкажіть папку з ним через --courses DIR",
    ],
    .problemFormat: [
      "en": "not a Kurs certificate, or a newer format",
      "ru": "это не сертификат Kurs или он в более новом формате",
      "uk": "це не сертифікат Kurs або він у новішому форматі",
    ],
    .problemCourse: ["en": "the course", "ru": "не тот курс", "uk": "не той курс"],
    .problemCourseVersion: [
      "en": "the course version", "ru": "не совпадает версия курса",
      "uk": "не збігається версія курсу",
    ],
    .problemCourseDigest: [
      "en": "the course digest",
      "ru": "не совпадает отпечаток курса: курс не тот, что при выдаче",
      "uk": "не збігається відбиток курсу: курс не той, що під час видачі",
    ],
    .problemName: [
      "en": "the learner's name", "ru": "неверно указано имя получателя",
      "uk": "неправильно вказано ім’я отримувача",
    ],
    .problemDate: ["en": "the date", "ru": "неверная дата", "uk": "неправильна дата"],
    .problemLearner: [
      "en": "the learner id", "ru": "неверный идентификатор получателя",
      "uk": "неправильний ідентифікатор отримувача",
    ],
    .problemTranscript: [
      "en": "the transcript", "ru": "запись ответов повреждена или изменена",
      "uk": "запис відповідей пошкоджено або змінено",
    ],
    .problemScores: [
      "en": "the scores",
      "ru": "баллы или результаты не совпадают с тем, что дают ответы",
      "uk": "бали чи результати не збігаються з тим, що дають відповіді",
    ],
    .problemContent: [
      "en": "the course's text",
      "ru": "текст из курса изменён после выдачи сертификата",
      "uk": "текст із курсу змінено після видачі сертифіката",
    ],
    .problemSignature: [
      "en": "the signature", "ru": "подпись не проходит проверку",
      "uk": "підпис не проходить перевірки",
    ],
    .problemIssuer: [
      "en": "the issuer", "ru": "неверно указано, кто выдал сертификат",
      "uk": "неправильно вказано, хто видав сертифікат",
    ],
    .resourcesTitle: ["en": "Resources", "ru": "Материалы", "uk": "Матеріали"],
    .glossaryTitle: ["en": "Glossary", "ru": "Глоссарий", "uk": "Глосарій"],
    .helpResourcesTitle: [
      "en": "Where to get help",
      "ru": "Где получить помощь",
      "uk": "Де отримати допомогу",
    ],
    .checklistsTitle: ["en": "Checklists", "ru": "Памятки", "uk": "Пам’ятки"],
    .noResources: [
      "en": "This course has no resources.",
      "ru": "В этом курсе нет материалов.",
      "uk": "У цьому курсі немає матеріалів.",
    ],
    .contentNoteTitle: [
      "en": "Before you start", "ru": "Прежде чем начать", "uk": "Перш ніж почати",
    ],
    .pauseReminder: [
      "en":
        "You can pause at any time: type q to save and stop, and come back to the same place. Where to get help: type r.",
      "ru":
        "Вы можете прерваться в любой момент: введите q, чтобы сохранить и выйти, а потом продолжить с того же места. Куда обратиться за помощью: введите r.",
      "uk":
        "Ви можете зупинитися будь-коли: введіть q, щоб зберегти й вийти, а потім продовжити з того самого місця. Куди звернутися по допомогу: введіть r.",
    ],
    .nothingSavedYet: [
      "en": "You have not started yet, so there is nothing to save. To start later, run:\n  {0}",
      "ru": "Вы ещё не начали, сохранять пока нечего. Чтобы начать позже, запустите:\n  {0}",
      "uk": "Ви ще не почали, тож зберігати поки нічого. Щоб почати пізніше, запустіть:\n  {0}",
    ],
    .noteInfo: ["en": "Note", "ru": "Примечание", "uk": "Примітка"],
    .noteTip: ["en": "Tip", "ru": "Совет", "uk": "Порада"],
    .noteWarning: ["en": "Warning", "ru": "Внимание", "uk": "Увага"],
    .noteImportant: ["en": "Important", "ru": "Важно", "uk": "Важливо"],
    .contactPhone: ["en": "phone", "ru": "телефон", "uk": "телефон"],
    .contactEmail: ["en": "email", "ru": "эл. почта", "uk": "ел. пошта"],
    .contactWeb: ["en": "web", "ru": "сайт", "uk": "сайт"],
    .contactAddress: ["en": "address", "ru": "адрес", "uk": "адреса"],
    .contactHours: ["en": "hours", "ru": "часы работы", "uk": "години роботи"],
    .contactOther: ["en": "contact", "ru": "контакт", "uk": "контакт"],
    .noSuchLearner: [
      "en": "there is no learner named '{0}' in {1}{2}; learners here: {3}",
      "ru": "в {1} нет ученицы или ученика с именем «{0}»{2}; здесь есть: {3}",
      "uk": "у {1} немає профілю з іменем «{0}»{2}; тут є: {3}",
    ],
    .exportWritten: [
      "en":
        "Wrote {0} ({1} records). It holds your pseudonym and your answers, not your real name: send it only to someone you trust.",
      "ru":
        "Файл {0} записан (записей: {1}). В нём ваш псевдоним и ваши ответы, но не настоящее имя: отправляйте его только тому, кому доверяете.",
      "uk":
        "Файл {0} записано (записів: {1}). У ньому ваш псевдонім і ваші відповіді, але не справжнє ім’я: надсилайте його лише тим, кому довіряєте.",
    ],
    .exportExists: [
      "en": "{0} already exists and was not changed; choose another name with --out FILE",
      "ru": "{0} уже существует и не изменён; выберите другое имя: --out ФАЙЛ",
      "uk": "{0} уже існує, і його не змінено; виберіть іншу назву: --out ФАЙЛ",
    ],
    .exportFailed: [
      "en":
        "could not write the export: {0}. Nothing was written; choose another folder with --out FILE",
      "ru": "не удалось записать файл: {0}. Ничего не записано; выберите другую папку: --out ФАЙЛ",
      "uk": "не вдалося записати файл: {0}. Нічого не записано; виберіть іншу папку: --out ФАЙЛ",
    ],
    .forgetConfirm: [
      "en":
        "This deletes {0}'s profile, progress in {1} course(s) and certificates from this computer. It cannot be undone. Type the name {0} to confirm, or press Enter to keep everything:",
      "ru":
        "Будут удалены профиль «{0}», прогресс по курсам ({1}) и сертификаты на этом компьютере. Отменить это нельзя. Чтобы подтвердить, введите имя {0}; чтобы ничего не удалять, нажмите Enter:",
      "uk":
        "Буде видалено профіль «{0}», прогрес у курсах ({1}) і сертифікати на цьому комп’ютері. Скасувати це неможливо. Щоб підтвердити, введіть ім’я {0}; щоб нічого не видаляти, натисніть Enter:",
    ],
    .forgetCancelled: [
      "en": "Nothing was deleted.", "ru": "Ничего не удалено.", "uk": "Нічого не видалено.",
    ],
    .forgetDone: [
      "en":
        "Deleted every record of {0} on this computer. Copies you exported or sent are not affected.",
      "ru":
        "Все записи «{0}» на этом компьютере удалены. Копии, которые вы экспортировали или отправили, это не затрагивает.",
      "uk":
        "Усі записи «{0}» на цьому комп’ютері видалено. Копій, які ви експортували чи надіслали, це не стосується.",
    ],
    .forgetFailed: [
      "en": "could not delete {0}: {1}. Delete the folder by hand, or ask someone who can",
      "ru": "не удалось удалить {0}: {1}. Удалите папку вручную или попросите помощи",
      "uk":
        "не вдалося видалити {0}: {1}. Видаліть папку вручну або попросіть когось, хто може це зробити",
    ],
    .retakeNeeded: [
      "en":
        "the new version of this course asks you to take {0} again: it changed too much for an earlier pass to count",
      "ru":
        "в новой версии курса нужно заново пройти: {0}. Модуль изменился настолько, что прежний результат не засчитывается",
      "uk":
        "у новій версії курсу потрібно знову пройти: {0}. Модуль змінився настільки, що попередній результат не зараховується",
    ],
    .joined: [
      "en":
        "{0} joined cohort {1}: your records in course {2} now carry the cohort's mark. Your host sees them only when you send them an export (kurs export).",
      "ru":
        "{0}: вы в группе {1}. Ваши записи по курсу {2} теперь помечены этой группой. Ведущий увидит их, только когда вы отправите файл (kurs export).",
      "uk":
        "{0}: ви в групі {1}. Ваші записи з курсу {2} тепер позначені цією групою. Ведучі побачать їх, лише коли ви надішлете файл (kurs export).",
    ],
    .joinCodeInvalid: [
      "en": "'{0}' is not a join code; a code looks like marina-K7P4QX: ask your host for it",
      "ru": "«{0}» — не код группы; код выглядит так: marina-K7P4QX. Спросите его у ведущего",
      "uk": "«{0}» — не код групи; код має такий вигляд: marina-K7P4QX. Попросіть його у ведучих",
    ],
    .lrsWaiting: [
      "en":
        "{0}. Your progress is saved on this computer and will be sent when the connection works again.",
      "ru":
        "{0}. Ваш прогресс сохранён на этом компьютере и будет отправлен, когда связь восстановится.",
      "uk":
        "{0}. Ваш прогрес збережено на цьому комп’ютері, і його буде надіслано, коли зв’язок відновиться.",
    ],
    .lrsSending: [
      "en":
        "Sending your progress to the learning record store (Ctrl-C leaves it for the next time: nothing is lost)...",
      "ru":
        "Отправляем ваш прогресс в хранилище учебных записей (Ctrl-C оставит это на следующий раз: ничего не потеряется)...",
      "uk":
        "Надсилаємо ваш прогрес до сховища навчальних записів (Ctrl-C відкладе це до наступного разу: нічого не загубиться)...",
    ],
    .lrsLater: [
      "en":
        "The learning record store is slow to answer. Your progress is saved on this computer; what it has not received yet is sent the next time you start kurs with the record store.",
      "ru":
        "Хранилище учебных записей отвечает медленно. Ваш прогресс сохранён на этом компьютере; то, что оно ещё не получило, будет отправлено при следующем запуске kurs с хранилищем.",
      "uk":
        "Сховище навчальних записів відповідає повільно. Ваш прогрес збережено на цьому комп’ютері; те, чого воно ще не отримало, буде надіслано наступного разу, коли ви запустите kurs зі сховищем.",
    ],
    .learnerBusy: [
      "en":
        "{0} is already learning in another kurs window (process {1}). Close that one first, then try again: your progress is safe.",
      "ru":
        "{0} уже занимается в другом окне kurs (процесс {1}). Сначала закройте его, затем попробуйте снова: ваш прогресс в безопасности.",
      "uk":
        "{0} уже навчається в іншому вікні kurs (процес {1}). Спершу закрийте його, потім спробуйте ще раз: ваш прогрес у безпеці.",
    ],
    .unknownLanguage: [
      "en": "Kurs does not speak '{0}'; use one of: {1}",
      "ru": "Kurs не поддерживает язык «{0}»; выберите один из: {1}",
      "uk": "Kurs не підтримує мову «{0}»; виберіть одну з таких: {1}",
    ],
    .whoIsLearning: ["en": "Who is learning?", "ru": "Кто учится?", "uk": "Хто навчається?"],
    .newProfile: [
      "en": "someone else (a new profile)",
      "ru": "кто-то другой (новый профиль)",
      "uk": "хтось інший (новий профіль)",
    ],
    .orQuit: [
      "en": "Or type q to quit.",
      "ru": "Или введите q, чтобы выйти.",
      "uk": "Або введіть q, щоб вийти.",
    ],
    .typeName: [
      "en":
        "Type a name or a pseudonym for your profile (no real name or email is needed), or q to quit:",
      "ru":
        "Введите имя или псевдоним для профиля (настоящее имя и почта не нужны) или q, чтобы выйти:",
      "uk":
        "Введіть ім’я або псевдонім для профілю (справжнє ім’я та пошта не потрібні) або q, щоб вийти:",
    ],
    .chooseCourse: [
      "en": "Type the number of a course, or q to quit.",
      "ru": "Введите номер курса или q, чтобы выйти.",
      "uk": "Введіть номер курсу або q, щоб вийти.",
    ],
    .chooseModule: [
      "en": "Type the number of a module, or press Enter to continue where you are.",
      "ru":
        "Введите номер модуля или нажмите Enter, чтобы продолжить с того места, где вы остановились.",
      "uk":
        "Введіть номер модуля або натисніть Enter, щоб продовжити з того місця, де ви зупинилися.",
    ],
    .locked: [
      "en": "locked: pass “{0}” first",
      "ru": "закрыт: сначала пройдите «{0}»",
      "uk": "закрито: спершу пройдіть «{0}»",
    ],
    .noLearners: [
      "en": "You have not started a course yet. To see the courses and start one, run: kurs",
      "ru": "Вы ещё не начали ни одного курса. Чтобы увидеть курсы и начать, запустите: kurs",
      "uk": "Ви ще не почали жодного курсу. Щоб побачити курси й почати, запустіть: kurs",
    ],
    .moduleProgress: [
      "en": "{0}: {1} · points {2} of {3}, pass mark {4}",
      "ru": "{0}: {1} · баллы {2} из {3}, проходной балл {4}",
      "uk": "{0}: {1} · бали {2} з {3}, прохідний бал {4}",
    ],
    .courseProgress: [
      "en": "{0}: {1}% done", "ru": "{0}: выполнено {1}%", "uk": "{0}: виконано {1}%",
    ],
    .noSuchModule: [
      "en": "course '{0}' has no module '{1}'{2}. The modules are: {3}",
      "ru": "в курсе «{0}» нет модуля «{1}»{2}. Модули курса: {3}",
      "uk": "у курсі «{0}» немає модуля «{1}»{2}. Модулі курсу: {3}",
    ],
    .saveFailed: [
      "en":
        "could not save your progress to {0} ({1}). Free some disk space or choose another folder with --data-dir; what you did before this step is kept",
      "ru":
        "не удалось сохранить прогресс в {0} ({1}). Освободите место на диске или укажите другую папку через --data-dir; всё, что вы сделали до этого шага, сохранено",
      "uk":
        "не вдалося зберегти прогрес у {0} ({1}). Звільніть місце на диску або вкажіть іншу папку через --data-dir; усе, що ви зробили до цього кроку, збережено",
    ],
    .testTaken: [
      "en":
        "you have taken the knowledge test '{0}' already; it is taken once, so that it measures what the course taught",
      "ru":
        "вы уже прошли проверку знаний «{0}»; её проходят один раз, чтобы она показала, чему научил курс",
      "uk":
        "ви вже пройшли перевірку знань «{0}»; її проходять один раз, щоб вона показала, чого навчив курс",
    ],
    .testAnswerSaved: [
      "en":
        "Your answer is saved. You will see the right answers and explanations after the final test.",
      "ru": "Ваш ответ сохранён. Правильные ответы и пояснения вы увидите после итоговой проверки.",
      "uk":
        "Вашу відповідь збережено. Правильні відповіді й пояснення ви побачите після підсумкової перевірки.",
    ],
    .testBeforeEnd: [
      "en":
        "Thank you: your answers are saved. This test is not graded; after the course you take it again and see how your answers changed.",
      "ru":
        "Спасибо, ваши ответы сохранены. Эта проверка не оценивается: после курса вы пройдёте её снова и увидите, как изменились ваши ответы.",
      "uk":
        "Дякуємо, ваші відповіді збережено. Ця перевірка не оцінюється: після курсу ви пройдете її знову й побачите, як змінилися ваші відповіді.",
    ],
    .progressLineTest: [
      "en": "Module {0} of {1}: {2} · step {3} · knowledge test",
      "ru": "Модуль {0} из {1}: {2} · шаг {3} · проверка знаний",
      "uk": "Модуль {0} з {1}: {2} · крок {3} · перевірка знань",
    ],
    .testReviewTitle: [
      "en": "Before and after the course",
      "ru": "До и после курса",
      "uk": "До і після курсу",
    ],
    .testScores: [
      "en": "Before the course: {0} of {2} points. After: {1} of {2} points.",
      "ru": "До курса: {0} из {2} баллов. После: {1} из {2} баллов.",
      "uk": "До курсу: {0} з {2} балів. Після: {1} з {2} балів.",
    ],
    .testReviewItem: ["en": "{0}. {1}", "ru": "{0}. {1}", "uk": "{0}. {1}"],
    .testRightBoth: [
      "en": "right before and after",
      "ru": "верно и до, и после",
      "uk": "правильно і до, і після",
    ],
    .testWrongToRight: [
      "en": "not right before, right after",
      "ru": "до курса неверно, после — верно",
      "uk": "до курсу неправильно, після — правильно",
    ],
    .testRightToWrong: [
      "en": "right before, not right after",
      "ru": "до курса верно, после — неверно",
      "uk": "до курсу правильно, після — неправильно",
    ],
    .testWrongBoth: [
      "en": "not right before or after",
      "ru": "неверно и до, и после",
      "uk": "неправильно і до, і після",
    ],
    .testExplanation: [
      "en": "The right answer: {0}",
      "ru": "Правильный ответ: {0}",
      "uk": "Правильна відповідь: {0}",
    ],
    .moduleLocked: [
      "en": "module '{0}' opens after you pass: {1}. Run kurs start {2} to continue where you are",
      "ru":
        "модуль «{0}» откроется, когда вы пройдёте: {1}. Команда kurs start {2} продолжит с того места, где вы остановились",
      "uk":
        "модуль «{0}» відкриється, коли ви пройдете: {1}. Команда kurs start {2} продовжить з того місця, де ви зупинилися",
    ],
    .branchLoop: [
      "en":
        "module '{0}' loops through branches at '{1}' without showing anything; please tell the course author (kurs validate finds this)",
      "ru":
        "модуль «{0}» зацикливается на ветвлениях в «{1}» и ничего не показывает; сообщите автору курса (это находит kurs validate)",
      "uk":
        "модуль «{0}» зациклюється на розгалуженнях у «{1}» і нічого не показує; повідомте про це авторам курсу (це знаходить kurs validate)",
    ],
    .courseChanged: [
      "en":
        "this course was updated since your last visit (version {0}, now {1}). Modules you passed stay passed, your answers to questions that still exist are kept ({2} earlier steps no longer fit and were set aside), and you continue from the last step you reached that still exists.",
      "ru":
        "курс обновился после вашего прошлого визита (была версия {0}, теперь {1}). Пройденные модули остаются пройденными, ответы на вопросы, которые в курсе остались, сохранены (шагов, которые больше не подходят и отложены: {2}), и вы продолжите с последнего шага, который в курсе ещё есть.",
      "uk":
        "курс оновився після вашого попереднього візиту (була версія {0}, тепер {1}). Пройдені модулі залишаються пройденими, відповіді на запитання, які ще є в курсі, збережено (кроків, які більше не підходять і відкладені: {2}), і ви продовжите з останнього кроку, який у курсі ще є.",
    ],
    .noCourses: [
      "en":
        "no valid courses found (looked in {0}); add a course file with kurs add FILE, pass --courses DIR with a folder of courses, or run kurs validate to see what is wrong",
      "ru":
        "исправных курсов не найдено (искали в: {0}); добавьте файл курса командой kurs add ФАЙЛ, укажите папку с курсами через --courses DIR или запустите kurs validate, чтобы увидеть ошибки",
      "uk":
        "справних курсів не знайдено (шукали в: {0}); додайте файл курсу командою kurs add ФАЙЛ, вкажіть папку з курсами через --courses DIR або запустіть kurs validate, щоб побачити помилки",
    ],
    .journalUnreadable: [
      "en": "cannot read the progress file ({0}); check that the file and its folder can be read",
      "ru":
        "не удаётся прочитать файл прогресса ({0}); проверьте, что файл и папка доступны для чтения",
      "uk": "не вдається прочитати файл прогресу ({0}); перевірте, чи файл і папку можна читати",
    ],
    .journalTooNew: [
      "en":
        "this progress line has format version {0}, newer than this kurs reads (1); update kurs. The file was not changed",
      "ru":
        "эта строка прогресса записана в формате версии {0}, новее, чем читает эта версия kurs (1); обновите kurs. Файл не изменён",
      "uk":
        "цей рядок прогресу записано у форматі версії {0}, новішої, ніж читає ця версія kurs (1); оновіть kurs. Файл не змінено",
    ],
    .journalCutOffEarlier: [
      "en":
        "a record on this line was cut off while it was being saved (the disk may have been full); it is skipped and the records after it are kept",
      "ru":
        "запись в этой строке оборвалась при сохранении (возможно, диск был переполнен); она пропущена, записи после неё сохранены",
      "uk":
        "запис у цьому рядку обірвався під час збереження (можливо, диск був переповнений); його пропущено, записи після нього збережено",
    ],
    .journalGap: [
      "en":
        "the progress file has a gap before this line: it goes on at '{1}' in module '{0}' while the last saved step ended at '{2}' (steps in between were never saved); your answers stay with their own questions and you continue where the file ends",
      "ru":
        "в файле прогресса пропуск перед этой строкой: он продолжается с '{1}' в модуле '{0}', а последний сохранённый шаг закончился на '{2}' (шаги между ними не были сохранены); ваши ответы остаются при своих вопросах, вы продолжите там, где заканчивается файл",
      "uk":
        "у файлі прогресу пропуск перед цим рядком: він продовжується з '{1}' у модулі '{0}', а останній збережений крок закінчився на '{2}' (кроки між ними не було збережено); ваші відповіді залишаються при своїх запитаннях, і ви продовжите там, де закінчується файл",
    ],
    .notSaved: [
      "en":
        "your answer was NOT saved: {0}. You are still at the same question.\nPress Enter to try saving again, or type q to stop (you continue later from your last saved step).",
      "ru":
        "ваш ответ НЕ сохранён: {0}. Вы остаётесь на том же вопросе.\nНажмите Enter, чтобы попробовать сохранить снова, или введите q, чтобы остановиться (позже вы продолжите с последнего сохранённого шага).",
      "uk":
        "вашу відповідь НЕ збережено: {0}. Ви залишаєтеся на тому самому запитанні.\nНатисніть Enter, щоб спробувати зберегти ще раз, або введіть q, щоб зупинитися (пізніше ви продовжите з останнього збереженого кроку).",
    ],
    .notSavedDiskFull: [
      "en": "the disk is full ({0}); free some space, then try again",
      "ru": "диск переполнен ({0}); освободите место и попробуйте снова",
      "uk": "диск переповнений ({0}); звільніть місце і спробуйте ще раз",
    ],
    .notSavedPermission: [
      "en":
        "kurs may not write to {0} ({1}); fix the folder's permissions or choose another with --data-dir",
      "ru":
        "kurs не может писать в {0} ({1}); исправьте права на папку или выберите другую через --data-dir",
      "uk":
        "kurs не може писати в {0} ({1}); виправте права доступу до папки або виберіть іншу через --data-dir",
    ],
    .notSavedStopped: [
      "en":
        "Stopped. The last step was NOT saved; everything before it is. Continue later with:\n  {0}",
      "ru":
        "Остановлено. Последний шаг НЕ сохранён; всё, что было до него, сохранено. Продолжить позже:\n  {0}",
      "uk":
        "Зупинено. Останній крок НЕ збережено; усе, що було до нього, збережено. Продовжити пізніше:\n  {0}",
    ],
    .journalDamaged: [
      "en":
        "this line of the progress file is damaged; the file was not changed. Restore it from a copy, or ask your trainer",
      "ru":
        "эта строка файла прогресса повреждена; файл не изменён. Восстановите его из копии или обратитесь к тренеру",
      "uk":
        "цей рядок файлу прогресу пошкоджено; файл не змінено. Відновіть його з копії або зверніться до тренера чи тренерки",
    ],
    .journalCutOff: [
      "en":
        "the last record was cut off (the computer may have stopped while saving); it is skipped and you continue from the step before",
      "ru":
        "последняя запись оборвалась (возможно, компьютер выключился во время сохранения); она пропущена, вы продолжите с предыдущего шага",
      "uk":
        "останній запис обірвався (можливо, комп’ютер вимкнувся під час збереження); його пропущено, ви продовжите з попереднього кроку",
    ],
    .learnersUnreadable: [
      "en":
        "the list of learners cannot be read ({0}); the file was not changed. Restore it from a copy, or use another --data-dir",
      "ru":
        "не удаётся прочитать список учащихся ({0}); файл не изменён. Восстановите его из копии или укажите другую папку через --data-dir",
      "uk":
        "не вдається прочитати список профілів ({0}); файл не змінено. Відновіть його з копії або вкажіть іншу папку через --data-dir",
    ],
    .learnerNameInvalid: [
      "en": "a learner name needs 1 to 80 characters on one line; a pseudonym is fine",
      "ru": "имя учащегося: от 1 до 80 символов в одной строке; псевдоним подойдёт",
      "uk": "ім’я профілю: від 1 до 80 символів в одному рядку; псевдонім теж підійде",
    ],
    .learnerNameForbidden: [
      "en":
        "a learner name cannot contain control characters or direction overrides ({0} at character {1}); type the name again without it",
      "ru":
        "имя учащегося не может содержать управляющие символы или символы смены направления ({0} в позиции {1}); введите имя ещё раз без него",
      "uk":
        "ім’я профілю не може містити керувальних символів або символів зміни напрямку тексту ({0} на позиції {1}); введіть ім’я ще раз без нього",
    ],
    .courseIDUnsafe: [
      "en": "course id '{0}' cannot name a file; use letters, digits, '-' and '_'",
      "ru":
        "идентификатор курса «{0}» нельзя использовать как имя файла; используйте буквы, цифры, «-» и «_»",
      "uk":
        "ідентифікатор курсу «{0}» не можна використати як назву файлу; використовуйте літери, цифри, «-» і «_»",
    ],
    .lockFailed: [
      "en": "cannot lock this file ({0}); check that the data folder is yours and can be written",
      "ru":
        "не удаётся заблокировать этот файл ({0}); проверьте, что папка данных ваша и доступна для записи",
      "uk":
        "не вдається заблокувати цей файл ({0}); перевірте, що папка даних ваша і в неї можна записувати",
    ],
    .learnerNameTaken: [
      "en":
        "there is already a learner called {0} in this data folder; choose them from the list, or type another name",
      "ru":
        "в этой папке данных уже есть учащийся с именем «{0}»; выберите его из списка или введите другое имя",
      "uk":
        "у цій папці даних уже є профіль з іменем «{0}»; виберіть його зі списку або введіть інше ім’я",
    ],
    .learnerIDUnsafe: [
      "en":
        "profile {0} has the id '{1}', which Kurs never makes (letters, digits and '-' only); nothing was read or deleted through it. Restore the file from a copy, or remove that profile from it",
      "ru":
        "у профиля {0} идентификатор «{1}», какого Kurs не создаёт (только буквы, цифры и «-»); через него ничего не прочитано и не удалено. Восстановите файл из копии или удалите из него этот профиль",
      "uk":
        "у профілю {0} ідентифікатор «{1}», якого Kurs не створює (лише літери, цифри та «-»); через нього нічого не прочитано й не видалено. Відновіть файл з копії або видаліть із нього цей профіль",
    ],
    .learnerGone: [
      "en":
        "{0} was deleted (kurs forget) while this kurs was starting; nothing was saved. Start again to make a new profile",
      "ru":
        "профиль «{0}» удалён (kurs forget), пока запускался kurs; ничего не сохранено. Запустите снова, чтобы создать новый профиль",
      "uk":
        "профіль «{0}» видалено (kurs forget), поки запускався kurs; нічого не збережено. Запустіть ще раз, щоб створити новий профіль",
    ],
    .dataFolderOpen: [
      "en":
        "every account on this computer can change this data folder (mode {0}), so records in it could be planted or changed; Kurs does not use it. Run 'chmod 700' on it, or choose another folder with --data-dir",
      "ru":
        "эту папку данных может изменять любая учётная запись на компьютере (права {0}), поэтому записи в ней можно подменить; Kurs её не использует. Выполните для неё «chmod 700» или выберите другую папку через --data-dir",
      "uk":
        "цю папку даних може змінювати будь-який обліковий запис на комп’ютері (права {0}), тож записи в ній можна підмінити; Kurs її не використовує. Виконайте для неї «chmod 700» або виберіть іншу папку через --data-dir",
    ],
    .dataFolderForeign: [
      "en":
        "this data folder belongs to another account (user id {0}); Kurs uses only a folder of your own: choose another with --data-dir",
      "ru":
        "эта папка данных принадлежит другой учётной записи (id {0}); Kurs использует только вашу собственную папку: выберите другую через --data-dir",
      "uk":
        "ця папка даних належить іншому обліковому запису (id {0}); Kurs використовує лише вашу власну папку: виберіть іншу через --data-dir",
    ],
    .forgetNamesakeRemains: [
      "en":
        "Another profile called {0} remains (names were not unique before this version of Kurs); run kurs forget again to delete it too.",
      "ru":
        "Остался ещё один профиль с именем «{0}» (до этой версии Kurs имена могли повторяться); запустите kurs forget ещё раз, чтобы удалить и его.",
      "uk":
        "Залишився ще один профіль з іменем «{0}» (до цієї версії Kurs імена могли повторюватися); запустіть kurs forget ще раз, щоб видалити і його.",
    ],
    .dataFolderLink: [
      "en":
        "this is a symbolic link; Kurs does not follow links inside its data folder. Remove the link, then try again",
      "ru":
        "это символическая ссылка; Kurs не переходит по ссылкам внутри своей папки данных. Удалите ссылку и попробуйте снова",
      "uk":
        "це символічне посилання; Kurs не переходить за посиланнями всередині своєї папки даних. Видаліть посилання і спробуйте ще раз",
    ],
    // MARK: Certificates
    .certificateHeading: [
      "en": "Certificate of completion",
      "ru": "Сертификат о прохождении курса",
      "uk": "Сертифікат про проходження курсу",
    ],
    .certificateAwardedTo: [
      "en": "This certificate is awarded to",
      "ru": "Получатель сертификата:",
      "uk": "Сертифікат видано на ім’я:",
    ],
    .certificateForCourse: [
      "en": "for completing the course",
      "ru": "Пройденный курс:",
      "uk": "Пройдений курс:",
    ],
    .certificateDate: ["en": "Date: {0}", "ru": "Дата: {0}", "uk": "Дата: {0}"],
    .certificateModules: ["en": "Modules", "ru": "Модули", "uk": "Модулі"],
    .certificateModuleLine: [
      "en": "{0}: {1} of {2} points, pass mark {3}: {4}",
      "ru": "{0}: баллы {1} из {2}, проходной балл {3}: {4}",
      "uk": "{0}: бали {1} з {2}, прохідний бал {3}: {4}",
    ],
    .certificateTotal: [
      "en": "Total points: {0}", "ru": "Всего баллов: {0}", "uk": "Усього балів: {0}",
    ],
    .certificateColumnModule: ["en": "Module", "ru": "Модуль", "uk": "Модуль"],
    .certificateColumnPoints: ["en": "Points", "ru": "Баллы", "uk": "Бали"],
    .certificateColumnPassMark: ["en": "Pass mark", "ru": "Проходной балл", "uk": "Прохідний бал"],
    .certificateColumnResult: ["en": "Result", "ru": "Итог", "uk": "Підсумок"],
    .certificateCourseVersion: [
      "en": "Course: {0}, version {1}",
      "ru": "Курс: {0}, версия {1}",
      "uk": "Курс: {0}, версія {1}",
    ],
    .certificateID: [
      "en": "Certificate id: {0}",
      "ru": "Номер сертификата: {0}",
      "uk": "Номер сертифіката: {0}",
    ],
    .certificateDigest: [
      "en": "Course digest (SHA-256): {0}",
      "ru": "Отпечаток курса (SHA-256): {0}",
      "uk": "Відбиток курсу (SHA-256): {0}",
    ],
    .certificateNotSigned: [
      "en":
        "Not signed. Kurs can check that these scores follow from the answers given; only a trainer's signature shows who issued the certificate. To have it signed, give the file {0} to your trainer.",
      "ru":
        "Не подписан. Kurs может проверить, что эти баллы следуют из данных ответов; кто выдал сертификат, показывает только подпись тренера. Чтобы получить подпись, передайте файл {0} тренеру.",
      "uk":
        "Не підписано. Kurs може перевірити, що ці бали випливають із наданих відповідей; хто видав сертифікат, показує лише підпис тренера чи тренерки. Щоб отримати підпис, передайте файл {0} своєму тренерові чи тренерці.",
    ],
    .certificateSignedBy: [
      "en": "Signed by {0} ({1})",
      "ru": "Подписан: {0} ({1})",
      "uk": "Підпис: {0} ({1})",
    ],
    .certificateCheck: [
      "en": "To check this certificate, run:",
      "ru": "Чтобы проверить сертификат, запустите:",
      "uk": "Щоб перевірити сертифікат, запустіть:",
    ],
    .certificateFailed: [
      "en":
        "your course is complete and saved, but the certificate could not be made: {0}. Show this message to your trainer.",
      "ru":
        "курс пройден и сохранён, но сертификат создать не удалось: {0}. Покажите это сообщение тренеру.",
      "uk":
        "курс пройдено і збережено, але сертифікат створити не вдалося: {0}. Покажіть це повідомлення тренерові чи тренерці.",
    ],
    .certificateSaved: [
      "en":
        "Your certificate is saved in {0}: a text file, a page to print ({1}) and a file to share ({2}). To print it without the course title, use kurs certificate print with --no-title (kurs help certificate).",
      "ru":
        "Ваш сертификат сохранён в папке {0}: текстовый файл, страница для печати ({1}) и файл для передачи ({2}). Чтобы распечатать его без названия курса, используйте kurs certificate print с --no-title (kurs help certificate).",
      "uk":
        "Ваш сертифікат збережено в папці {0}: текстовий файл, сторінка для друку ({1}) і файл для передачі ({2}). Щоб надрукувати його без назви курсу, скористайтеся командою kurs certificate print з --no-title (kurs help certificate).",
    ],
    .quoted: ["en": "“{0}”", "ru": "«{0}»", "uk": "«{0}»"],
    .certificateCriteria: [
      "en": "Pass these modules: {0}.",
      "ru": "Пройти модули: {0}.",
      "uk": "Пройти модулі: {0}.",
    ],
    .certificateCriteriaMinimum: [
      "en": "Pass these modules: {0}, with at least {1} points in all.",
      "ru": "Пройти модули: {0}; всего баллов не меньше: {1}.",
      "uk": "Пройти модулі: {0}; загалом балів не менше ніж: {1}.",
    ],
    .repeatedNumber: [
      "en": "You typed {0} twice. Type each number once, for example: 1 3",
      "ru": "Вы ввели {0} дважды. Введите каждый номер один раз, например: 1 3",
      "uk": "Ви ввели {0} двічі. Введіть кожен номер один раз, наприклад: 1 3",
    ],
    .letterTaken: [
      "en":
        "{0} is already matched with {1}. Choose another letter, or type {1} with a new letter first.",
      "ru":
        "Буква {0} уже сопоставлена с {1}. Выберите другую букву или сначала дайте {1} новую букву.",
      "uk":
        "Літеру {0} вже зіставлено з {1}. Виберіть іншу літеру або спершу дайте {1} нову літеру.",
    ],
    .invalidMatchingLetters: [
      "en": "Give each number from 1 to {0} one letter from {1} to {2}, for example: {3}",
      "ru": "Дайте каждому числу от 1 до {0} одну букву от {1} до {2}, например: {3}",
      "uk": "Дайте кожному числу від 1 до {0} одну літеру від {1} до {2}, наприклад: {3}",
    ],
    .promptMatchingLetters: [
      "en": "Match each number with a letter, for example: {0} (or one pair at a time: {1}).",
      "ru": "Сопоставьте каждую цифру с буквой, например: {0} (или по одной паре: {1}).",
      "uk": "Зіставте кожну цифру з літерою, наприклад: {0} (або по одній парі: {1}).",
    ],
    .verdictChosenRight: [
      "en": "{0}: you chose it, and it is right.",
      "ru": "{0}: вы это выбрали, и это правильно.",
      "uk": "{0}: ви це вибрали, і це правильно.",
    ],
    .verdictChosenWrong: [
      "en": "{0}: you chose it, but it is not right.",
      "ru": "{0}: вы это выбрали, но это неправильно.",
      "uk": "{0}: ви це вибрали, але це неправильно.",
    ],
    .verdictMissed: [
      "en": "{0}: you did not choose it, but it is right.",
      "ru": "{0}: вы это не выбрали, но это правильный ответ.",
      "uk": "{0}: ви це не вибрали, але це правильна відповідь.",
    ],
    .expectedNumbers: [
      "en": "The expected answer: {0}",
      "ru": "Ожидаемый ответ: {0}",
      "uk": "Очікувана відповідь: {0}",
    ],
    .lostTry: [
      "en": "Why not every point: you answered on try {0}, and each try after the first costs {1}.",
      "ru":
        "Почему не все баллы: вы ответили с попытки {0}, а каждая попытка после первой стоит {1}.",
      "uk": "Чому не всі бали: ви відповіли зі спроби {0}, а кожна спроба після першої коштує {1}.",
    ],
    .lostTryHint: [
      "en":
        "Why not every point: you answered on try {0}, after a hint, and each try after the first costs {1}.",
      "ru":
        "Почему не все баллы: вы ответили с попытки {0}, после подсказки, а каждая попытка после первой стоит {1}.",
      "uk":
        "Чому не всі бали: ви відповіли зі спроби {0}, після підказки, а кожна спроба після першої коштує {1}.",
    ],
    .lostMissed: [
      "en": "Why not every point: right answers you did not choose: {0}.",
      "ru": "Почему не все баллы: правильные ответы, которые вы не выбрали: {0}.",
      "uk": "Чому не всі бали: правильні відповіді, які ви не вибрали: {0}.",
    ],
    .lostWrong: [
      "en": "Why not every point: answers you chose that are not right: {0}.",
      "ru": "Почему не все баллы: выбранные вами неправильные ответы: {0}.",
      "uk": "Чому не всі бали: вибрані вами неправильні відповіді: {0}.",
    ],
    .lostInPlace: [
      "en": "Why not every point: {0} of {1} were in the right place.",
      "ru": "Почему не все баллы: на своём месте {0} из {1}.",
      "uk": "Чому не всі бали: на своєму місці {0} з {1}.",
    ],
    .progressLineAbout: [
      "en": "Module {0} of {1}: {2} · step {3} of about {6} · points {4} of {5}",
      "ru": "Модуль {0} из {1}: {2} · шаг {3} из примерно {6} · баллы {4} из {5}",
      "uk": "Модуль {0} з {1}: {2} · крок {3} з приблизно {6} · бали {4} з {5}",
    ],
    .progressLineTestAbout: [
      "en": "Module {0} of {1}: {2} · step {3} of about {4} · knowledge test",
      "ru": "Модуль {0} из {1}: {2} · шаг {3} из примерно {4} · проверка знаний",
      "uk": "Модуль {0} з {1}: {2} · крок {3} з приблизно {4} · перевірка знань",
    ],
    .objectivesTitle: [
      "en": "In this module you will learn to:",
      "ru": "В этом модуле вы научитесь:",
      "uk": "У цьому модулі ви навчитеся:",
    ],
    .estimatedTime: [
      "en": "It takes about {0} min.",
      "ru": "Это займёт около {0} мин.",
      "uk": "Це займе приблизно {0} хв.",
    ],
    .welcomeBack: [
      "en": "Welcome back. You are in module {0} of {1}, {2}, at step {3}.",
      "ru": "С возвращением. Вы в модуле {0} из {1}, «{2}», на шаге {3}.",
      "uk": "З поверненням. Ви в модулі {0} з {1}, «{2}», на кроці {3}.",
    ],
    .reviewMissedTitle: [
      "en": "To review: the questions where you lost points",
      "ru": "Стоит повторить: вопросы, где вы потеряли баллы",
      "uk": "Варто повторити: питання, де ви втратили бали",
    ],
    .reviewMissedItem: [
      "en": "{0} ({1} of {2} points)",
      "ru": "{0} (баллы: {1} из {2})",
      "uk": "{0} (бали: {1} з {2})",
    ],
    .contentsTitle: ["en": "Contents", "ru": "Содержание", "uk": "Зміст"],
    .contentsLine: ["en": "{0}: {1}", "ru": "{0}: {1}", "uk": "{0}: {1}"],
    .contentsHere: ["en": "you are here", "ru": "вы здесь", "uk": "ви тут"],
    .footerContents: ["en": "c contents", "ru": "c содержание", "uk": "c зміст"],
    .helpMore: [
      "en": """
        c  contents: the modules, their state and where you are
      In Russian and Ukrainian the matching letters are Cyrillic: 1б 2а 3в.
      With --discreet (or KURS_DISCREET=1), q also clears the screen and the scrollback.
      """,
      "ru": """
        c  содержание: модули, их состояние и где вы сейчас (в русской раскладке: с)
      В вопросах на сопоставление буквы русские: 1б 2а 3в.
      С --discreet (или KURS_DISCREET=1) q тоже очищает экран и историю прокрутки.
      """,
      "uk": """
        c  зміст: модулі, їхній стан і де ви зараз (в українській розкладці: с)
      У питаннях на зіставлення літери кириличні: 1б 2а 3в.
      З --discreet (або KURS_DISCREET=1) q теж очищає екран та історію прокрутки.
      """,
    ],
    .localContactsTitle: [
      "en": "Checked local contacts",
      "ru": "Проверенные местные контакты",
      "uk": "Перевірені місцеві контакти",
    ],
    .localContactChecked: [
      "en": "checked {0}",
      "ru": "проверено {0}",
      "uk": "перевірено {0}",
    ],
    .noLocalContacts: [
      "en":
        "No checked local contacts have been added to this copy of the course. Ask your trainer or outreach worker where to get help.",
      "ru":
        "В эту копию курса не добавлено проверенных местных контактов. Спросите у тренера или аутрич-работника, куда обратиться за помощью.",
      "uk":
        "До цієї копії курсу не додано перевірених місцевих контактів. Запитайте в тренера чи аутріч-працівника, куди звернутися по допомогу.",
    ],
    .certificateFileUnreadable: [
      "en": "{0}: cannot read the certificate: {1}",
      "ru": "{0}: не удаётся прочитать сертификат. Подробно (по-английски): {1}",
      "uk": "{0}: не вдається прочитати сертифікат. Докладно (англійською): {1}",
    ],
    .certificateFileNotOne: [
      "en": "{0}: not a Kurs certificate: {1}; give the .json or .jwt file that kurs wrote",
      "ru":
        "{0}: это не сертификат Kurs (по-английски: {1}); укажите файл .json или .jwt, который записал kurs",
      "uk":
        "{0}: це не сертифікат Kurs (англійською: {1}); вкажіть файл .json або .jwt, який записав kurs",
    ],
    .verifyNothingToCheck: [
      "en":
        "{0} is not signed, so there is no signature to check with --issuer-key; the signed certificate is the .jwt file that 'kurs certificate sign' writes",
      "ru":
        "{0} не подписан, поэтому проверять подпись с --issuer-key нечего; подписанный сертификат — это файл .jwt, который записывает 'kurs certificate sign'",
      "uk":
        "{0} не підписано, тож перевіряти підпис з --issuer-key нічого; підписаний сертифікат — це файл .jwt, який записує 'kurs certificate sign'",
    ],
  ]

  /// `template` with `{0}`, `{1}`… replaced by `arguments`, in one pass.
  static func fill(_ template: String, _ arguments: [String]) -> String {
    var result = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "}"),
        let index = Int(rest[afterOpen..<close]), arguments.indices.contains(index)
      {
        result += arguments[index]
        rest = rest[rest.index(after: close)...]
      } else {
        result.append("{")
        rest = rest[afterOpen...]
      }
    }
    return result + rest
  }

  /// " (did you mean 'x'?)" in `language` when a known name is close to `name`, else "".
  public static func didYouMean(_ name: String, _ known: [String], language: String) -> String {
    Suggestion.closest(to: name, in: known).map { string(.didYouMean, language, $0) } ?? ""
  }

}

/// A message for a learner, kept as a key and its arguments so that it is shown in the
/// learner's language wherever it ends up.
public struct LocalizedMessage: Sendable, Equatable, CustomStringConvertible {
  public var key: Localization.Key
  public var arguments: [String]

  public init(_ key: Localization.Key, _ arguments: String...) {
    self.key = key
    self.arguments = arguments
  }

  public func text(_ language: String) -> String {
    Localization.string(key, language, arguments: arguments)
  }

  public var description: String { text("en") }
}
