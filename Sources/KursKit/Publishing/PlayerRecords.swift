import Foundation

/// What records.js needs of a course to write the runner's statements and certificate, worked
/// out once at publish time by the functions the runner uses (`Journal.statements`,
/// `Statement.interactionDefinition`, `CertificateIssuer.achievement`), so that the page has
/// only the assembling to agree on: the activities' definitions in every language, the
/// course's maximum, and each course language's certificate achievement.
public struct PlayerRecords: Encodable, Sendable {
  /// The course's activity (`urn:kurs:course:ID`) with its definition.
  public var course: Statement.Activity
  /// Each module's activity, by module id.
  public var modules: [String: Statement.Activity]
  /// Each module's nodes that a statement names, by module id and node id.
  public var nodes: [String: [String: Node]]
  /// The most points of the scored modules, added up: the maximum of `courseCompleted`.
  public var maximum: Int
  /// Each course language's certificate achievement (`CertificateIssuer.achievement`).
  public var achievements: [String: Credential.Achievement]
  /// The scored modules in order, with their most points and pass marks.
  public var scored: [Scored]
  /// The records section's words in en/ru/uk (`PlayerRecords.words`).
  public var strings = PlayerRecords.words

  /// A node as statements name it.
  public struct Node: Encodable, Sendable {
    /// `Statement.nodeName`.
    public var name: [String: String]
    /// A question's definition (`Statement.interactionDefinition`).
    public var interaction: Statement.Definition?
    /// A question's kind (`Question.Kind`), for the response pattern.
    public var kind: String?
  }

  /// A scored module, as the certificate lists it.
  public struct Scored: Encodable, Sendable {
    public var id: String
    public var maximum: Int
    public var passMark: Int
  }

  public init(course: Course) {
    let courseIRI = "urn:kurs:course:\(course.id)"
    self.course = Statement.Activity(
      id: courseIRI,
      definition: Statement.Definition(
        type: Statement.activityTypes.course,
        name: Statement.languageMap(course.title, or: course.id),
        description: Statement.languageMap(course.description)))
    var modules: [String: Statement.Activity] = [:]
    var nodes: [String: [String: Node]] = [:]
    for module in course.modules {
      modules[module.id] = Statement.Activity(
        id: "\(courseIRI):module:\(module.id)",
        definition: Statement.Definition(
          type: Statement.activityTypes.module,
          name: Statement.languageMap(module.title, or: module.id)))
      var named: [String: Node] = [:]
      for node in module.nodes {
        let name = Statement.nodeName(node, or: node.id)
        switch node.kind {
        case .question(let question):
          named[node.id] = Node(
            name: name, interaction: Statement.interactionDefinition(question, name: name),
            kind: question.kind.rawValue)
        case .page, .end:
          named[node.id] = Node(name: name)
        default:
          break
        }
      }
      nodes[module.id] = named
    }
    self.modules = modules
    self.nodes = nodes
    maximum = course.scoredModules.map { ModuleGraph(module: $0).mostPoints }.reduce(0, +)
    var achievements: [String: Credential.Achievement] = [:]
    for language in course.languages {
      achievements[language] = CertificateIssuer.achievement(
        engine: Engine(course: course, language: language, seed: ""))
    }
    self.achievements = achievements
    let engine = Engine(course: course, language: course.defaultLanguage, seed: "")
    scored = course.scoredModules.map {
      Scored(id: $0.id, maximum: engine.maximum(of: $0.id), passMark: engine.passMark(of: $0))
    }
  }

  /// What the page says about the learner's records: saving the export and the certificate.
  public static let words: [String: [String: String]] = [
    "recordsTitle": ["en": "Your records", "ru": "Ваши записи", "uk": "Ваші записи"],
    "recordsExplain": [
      "en":
        "Your answers stay on this phone. To send them to your trainer, save your records and send the file; at the end, save your certificate too.",
      "ru":
        "Ваши ответы остаются на этом телефоне. Чтобы отправить их тому, кто ведёт курс, сохраните записи и отправьте файл; в конце сохраните и сертификат.",
      "uk":
        "Ваші відповіді залишаються на цьому телефоні. Щоб надіслати їх тому, хто веде курс, збережіть записи й надішліть файл; наприкінці збережіть і сертифікат.",
    ],
    "nameLabel": [
      "en": "Your name (or a pseudonym) for the file and the certificate",
      "ru": "Ваше имя (или псевдоним) для файла и сертификата",
      "uk": "Ваше ім'я (або псевдонім) для файлу та сертифіката",
    ],
    "nameNeeded": [
      "en": "Type a name first (no line breaks or control characters, at most 200 letters).",
      "ru": "Сначала введите имя (без переносов строк и служебных символов, не длиннее 200 букв).",
      "uk": "Спершу введіть ім'я (без переносів рядка та службових символів, до 200 літер).",
    ],
    "saveRecords": [
      "en": "Save my records", "ru": "Сохранить мои записи", "uk": "Зберегти мої записи",
    ],
    "shareRecords": [
      "en": "Send my records…", "ru": "Отправить мои записи…", "uk": "Надіслати мої записи…",
    ],
    "saveCertificate": [
      "en": "Save my certificate", "ru": "Сохранить мой сертификат",
      "uk": "Зберегти мій сертифікат",
    ],
    "savedAs": [
      "en": "Saved as {0} in your downloads. Send this file to your trainer.",
      "ru": "Сохранено как {0} в загрузках. Отправьте этот файл тому, кто ведёт курс.",
      "uk": "Збережено як {0} у завантаженнях. Надішліть цей файл тому, хто веде курс.",
    ],
    "shared": [
      "en": "{0} is ready: choose where to send it.",
      "ru": "{0} готов: выберите, куда его отправить.",
      "uk": "{0} готовий: виберіть, куди його надіслати.",
    ],
    "copyBelow": [
      "en": "This browser cannot save files: copy the text below into a message ({0}).",
      "ru": "Этот браузер не умеет сохранять файлы: скопируйте текст ниже в сообщение ({0}).",
      "uk": "Цей браузер не вміє зберігати файли: скопіюйте текст нижче в повідомлення ({0}).",
    ],
    "certificateFailed": [
      "en": "The certificate could not be made ({0}). Your progress is kept.",
      "ru": "Не удалось сделать сертификат ({0}). Ваш прогресс сохранён.",
      "uk": "Не вдалося створити сертифікат ({0}). Ваш прогрес збережено.",
    ],
  ]
}
