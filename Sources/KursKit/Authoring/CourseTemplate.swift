/// The starter course `kurs new course ID` writes: it validates with no finding, and each part
/// says what to change.
public enum CourseTemplate {
  /// The text of `course.xml` for a new course.
  public static func courseXML(id: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!--
      A new Kurs course. Check it with:   kurs validate \(id)
      The format is explained in docs/course-format.md; Courses/example uses every feature.
      To add a language, list it in languages="en ru" and give every text an xml:lang twin:
        <title xml:lang="en">…</title>  <title xml:lang="ru">…</title>
    -->
    <course xmlns="urn:kurs:course:1" id="\(id)" version="0.1.0"
            languages="en" default-language="en">
      <title>My new course</title>
      <description>One or two sentences for the course list.</description>
      <audience>Who the course is for.</audience>
      <content-note>
        <p>Say here which difficult topics the course touches. The learner can pause at any time.</p>
      </content-note>

      <module id="first" start="welcome" pass-mark="1">
        <title>First module</title>
        <objective>What the learner can do after this module.</objective>

        <page id="welcome" next="check">
          <title>Welcome</title>
          <body>
            <p>Write the first page here. Use <em>emphasis</em> sparingly.</p>
            <case title="A story">
              <p>A short episode of the story the module follows.</p>
            </case>
          </body>
        </page>

        <question id="check" kind="single" points="1" attempts="2" next="done">
          <prompt>A question about the page?</prompt>
          <choice id="right" correct="true">
            <text>The right answer</text>
            <feedback>Why it is right.</feedback>
          </choice>
          <choice id="other">
            <text>Another answer</text>
            <feedback>Why it is not right, explained kindly.</feedback>
          </choice>
          <hint>A hint shown after a wrong try.</hint>
        </question>

        <end id="done" outcome="pass">
          <title>Module complete</title>
          <body><p>What comes next.</p></body>
        </end>
      </module>
    </course>

    """
  }
}
