package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class HitQuestionTest {

  private static final String IMAGE = "https://images.example.com/cat.jpg";

  private final HitQuestion production =
      new HitQuestion(HitQuestion.PRODUCTION_SUBMIT_URL, HitQuestion.DEFAULT_FRAME_HEIGHT);

  @Test
  void asksTheQuestionAboutTheImageWithAYesNoFormPostedToMTurk() throws Exception {
    Document question = parse(production.xml(IMAGE, "dog"));
    String html = htmlOf(question);

    assertThat(question.getDocumentElement().getNamespaceURI()).isEqualTo(HitQuestion.NAMESPACE);
    assertThat(question.getDocumentElement().getLocalName()).isEqualTo("HTMLQuestion");
    assertThat(child(question, "FrameHeight").getTextContent())
        .isEqualTo(String.valueOf(HitQuestion.DEFAULT_FRAME_HEIGHT));
    assertThat(html)
        .contains("<h1>Does this image contain: <span id=\"label\">dog</span>?</h1>")
        .contains("<img src=\"https://images.example.com/cat.jpg\"")
        .contains("action=\"https://www.mturk.com/mturk/externalSubmit\"")
        .contains("name=\"assignmentId\"")
        .contains("name=\"answer\" value=\"yes\"")
        .contains("name=\"answer\" value=\"no\"")
        .contains("URLSearchParams(window.location.search).get(\"assignmentId\")");
  }

  @Test
  void theFormFieldIsTheQuestionTheParserReads() throws Exception {
    String html = htmlOf(parse(production.xml(IMAGE, "dog")));

    assertThat(html).contains("name=\"" + AnswerParser.QUESTION_IDENTIFIER + "\"");
  }

  @Test
  void postsToTheSandboxWhenConfigured() throws Exception {
    HitQuestion sandbox = new HitQuestion(HitQuestion.SANDBOX_SUBMIT_URL, 500);

    Document question = parse(sandbox.xml(IMAGE, "dog"));

    assertThat(htmlOf(question))
        .contains("action=\"https://workersandbox.mturk.com/mturk/externalSubmit\"");
    assertThat(child(question, "FrameHeight").getTextContent()).isEqualTo("500");
  }

  @Test
  void aScriptInTheLabelIsShownAsTextNotRun() throws Exception {
    String html = htmlOf(parse(production.xml(IMAGE, "<script>alert(1)</script>")));

    assertThat(html).contains("Does this image contain: &lt;script&gt;alert(1)&lt;/script&gt;?");
    assertThat(occurrences(html, "<script")).as("only the page's own script").isEqualTo(1);
  }

  @Test
  void quotesInTheLabelCannotOpenATagOrAttribute() throws Exception {
    String html = htmlOf(parse(production.xml(IMAGE, "\"><img src=x onerror=alert(1)>'")));

    assertThat(occurrences(html, "<img")).as("only the task's image").isEqualTo(1);
    assertThat(html).doesNotContain("onerror=alert(1)>");
  }

  @Test
  void cdataTerminatorInTheLabelCannotInjectXml() throws Exception {
    String label = "]]></HTMLContent><FrameHeight>1</FrameHeight><HTMLContent><![CDATA[";

    Document question = parse(production.xml(IMAGE, label));

    assertThat(question.getDocumentElement().getChildNodes().getLength()).isEqualTo(2);
    assertThat(child(question, "FrameHeight").getTextContent()).isEqualTo("640");
    assertThat(htmlOf(question)).contains("]]&gt;&lt;/HTMLContent&gt;");
  }

  @Test
  void cdataSurvivesRawTerminatorsInAnyText() throws Exception {
    String wrapped = "<x>" + HitQuestion.cdata("a]]>b]]]>c") + "</x>";

    assertThat(parse(wrapped).getDocumentElement().getTextContent()).isEqualTo("a]]>b]]]>c");
  }

  @Test
  void aLabelThatLooksLikeAPlaceholderStaysALabel() throws Exception {
    String html = htmlOf(parse(production.xml(IMAGE, "{imageUrl}")));

    assertThat(html).contains("Does this image contain: {imageUrl}?");
  }

  @Test
  void controlCharactersInTheLabelKeepTheXmlWellFormed() throws Exception {
    String html = htmlOf(parse(production.xml(IMAGE, "dog\u0000\u0008cat")));

    assertThat(html).contains("Does this image contain: dog");
  }

  @Test
  void urlCharactersThatMatterInAttributesAreEncoded() throws Exception {
    String html =
        htmlOf(parse(production.xml("https://images.example.com/a.png?x=1&y='2'", "dog")));

    assertThat(html).contains("src=\"https://images.example.com/a.png?x=1&amp;y=&#39;2&#39;\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//images.example.com/cat.jpg",
        "/cat.jpg",
        "https:///cat.jpg",
        "https://images.example.com/a\"onerror=\"alert(1).jpg",
        "ftp://images.example.com/cat.jpg",
      })
  void refusesAnythingButAnAbsoluteHttpUrlForTheImage(String url) {
    assertThatThrownBy(() -> production.xml(url, "dog"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)");
  }

  @Test
  void refusesABlankLabel() {
    assertThatThrownBy(() -> production.xml(IMAGE, "  "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAScriptAsTheSubmitUrl() {
    assertThatThrownBy(() -> new HitQuestion(URI.create("javascript:alert(1)"), 400))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static Element child(Document question, String name) {
    return (Element) question.getElementsByTagNameNS(HitQuestion.NAMESPACE, name).item(0);
  }

  private static String htmlOf(Document question) {
    return child(question, "HTMLContent").getTextContent();
  }

  private static int occurrences(String text, String needle) {
    return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }
}
