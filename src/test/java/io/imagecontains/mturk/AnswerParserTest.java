package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.mturk.ParsedAnswer.Accepted;
import io.imagecontains.mturk.ParsedAnswer.Reason;
import io.imagecontains.mturk.ParsedAnswer.Rejected;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerParserTest {

  private static final String NS = AnswerParser.NAMESPACE;

  private final AnswerParser parser = new AnswerParser();

  /** The document MTurk returns for our HTMLQuestion form, as the SDK hands it over. */
  private static String mturkAnswer(String value) {
    return "<?xml version=\"1.0\" encoding=\"ASCII\"?>\n" + document(value);
  }

  private static String document(String value) {
    return "<QuestionFormAnswers xmlns=\""
        + NS
        + "\">\n"
        + "  <Answer>\n"
        + "    <QuestionIdentifier>answer</QuestionIdentifier>\n"
        + "    <FreeText>"
        + value
        + "</FreeText>\n"
        + "  </Answer>\n"
        + "</QuestionFormAnswers>";
  }

  @Test
  void readsYesAndNoAsMTurkSendsThem() {
    assertThat(parser.parse(mturkAnswer("yes"))).isEqualTo(new Accepted(true));
    assertThat(parser.parse(mturkAnswer("no"))).isEqualTo(new Accepted(false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"YES", " Yes ", "\n yes\t"})
  void toleratesCaseAndSurroundingWhitespace(String value) {
    assertThat(parser.parse(mturkAnswer(value))).isEqualTo(new Accepted(true));
  }

  @Test
  void ignoresOtherFormFieldsAndPicksOurQuestion() {
    String xml =
        "<QuestionFormAnswers xmlns=\""
            + NS
            + "\">"
            + "<Answer><QuestionIdentifier>comment</QuestionIdentifier>"
            + "<FreeText>yes</FreeText></Answer>"
            + "<!-- a comment --><Answer><QuestionIdentifier>answer</QuestionIdentifier>"
            + "<FreeText>no</FreeText></Answer>"
            + "</QuestionFormAnswers>";

    assertThat(parser.parse(xml)).isEqualTo(new Accepted(false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "", "yes please", "1", "true"})
  void rejectsValuesOtherThanYesOrNo(String value) {
    assertThat(reasonOf(parser.parse(mturkAnswer(value)))).isEqualTo(Reason.UNKNOWN_VALUE);
  }

  @Test
  void rejectsAnAnswerWithoutOurQuestion() {
    String xml =
        "<QuestionFormAnswers xmlns=\""
            + NS
            + "\"><Answer><QuestionIdentifier>other</QuestionIdentifier>"
            + "<FreeText>yes</FreeText></Answer></QuestionFormAnswers>";

    assertThat(reasonOf(parser.parse(xml))).isEqualTo(Reason.MISSING_ANSWER);
  }

  @Test
  void rejectsOurQuestionAnsweredTwice() {
    String twice =
        mturkAnswer("yes")
            .replace(
                "</QuestionFormAnswers>",
                "<Answer><QuestionIdentifier>answer</QuestionIdentifier>"
                    + "<FreeText>no</FreeText></Answer></QuestionFormAnswers>");

    assertThat(reasonOf(parser.parse(twice))).isEqualTo(Reason.DUPLICATE_ANSWER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<QuestionFormAnswers xmlns=\"" + NS + "\"><Answer>",
        "not xml at all",
        "<QuestionFormAnswers xmlns=\"" + NS + "\"></QuestionFormAnswers><extra/>",
        "<QuestionFormAnswers xmlns=\"" + NS + "\"><Answer></QuestionFormAnswers>",
      })
  void rejectsMalformedXml(String xml) {
    assertThat(reasonOf(parser.parse(xml))).isEqualTo(Reason.MALFORMED_XML);
  }

  @Test
  void rejectsAWrongRootOrNamespace() {
    String noNamespace = mturkAnswer("yes").replace(" xmlns=\"" + NS + "\"", "");
    String otherNamespace = mturkAnswer("yes").replace(NS, "urn:somebody-else");
    String otherRoot = mturkAnswer("yes").replace("QuestionFormAnswers", "QuestionForm");

    assertThat(reasonOf(parser.parse(noNamespace))).isEqualTo(Reason.NOT_QUESTION_FORM_ANSWERS);
    assertThat(reasonOf(parser.parse(otherNamespace))).isEqualTo(Reason.NOT_QUESTION_FORM_ANSWERS);
    assertThat(reasonOf(parser.parse(otherRoot))).isEqualTo(Reason.NOT_QUESTION_FORM_ANSWERS);
  }

  @Test
  void rejectsEmptyAndOversizedInputWithoutParsing() {
    String padded = mturkAnswer("yes" + " ".repeat(AnswerParser.MAX_CHARS));

    assertThat(reasonOf(parser.parse(null))).isEqualTo(Reason.TOO_LARGE_OR_EMPTY);
    assertThat(reasonOf(parser.parse("  "))).isEqualTo(Reason.TOO_LARGE_OR_EMPTY);
    assertThat(reasonOf(parser.parse(padded))).isEqualTo(Reason.TOO_LARGE_OR_EMPTY);
  }

  @Test
  void neverReadsAFileThroughAnExternalEntity(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "yes");
    String xxe =
        "<?xml version=\"1.0\"?>"
            + "<!DOCTYPE QuestionFormAnswers [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + document("&xxe;");

    ParsedAnswer parsed = parser.parse(xxe);

    // Had the file been read, the answer would be an accepted "yes".
    assertThat(parsed).isNotEqualTo(new Accepted(true));
    assertThat(reasonOf(parsed)).isEqualTo(Reason.DTD_NOT_ALLOWED);
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a fetch would hang
  void neverFetchesAnExternalDtd() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      String xml =
          "<!DOCTYPE QuestionFormAnswers SYSTEM \"http://127.0.0.1:"
              + server.getLocalPort()
              + "/evil.dtd\">"
              + "<QuestionFormAnswers xmlns=\""
              + NS
              + "\"/>";

      ParsedAnswer parsed = parser.parse(xml);

      assertThat(reasonOf(parsed)).isEqualTo(Reason.DTD_NOT_ALLOWED);
      server.setSoTimeout(100);
      assertThat(noConnectionArrives(server)).as("the parser connected to fetch the DTD").isTrue();
    }
  }

  @Test
  void refusesBillionLaughsBeforeExpandingAnything() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE QuestionFormAnswers [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    String bomb =
        dtd
            + "<QuestionFormAnswers xmlns=\""
            + NS
            + "\"><Answer><QuestionIdentifier>answer"
            + "</QuestionIdentifier><FreeText>&lol9;</FreeText></Answer></QuestionFormAnswers>";

    assertThat(reasonOf(parser.parse(bomb))).isEqualTo(Reason.DTD_NOT_ALLOWED);
  }

  @Test
  void undeclaredEntitiesAreMalformedNotExpanded() {
    assertThat(reasonOf(parser.parse(mturkAnswer("&xxe;")))).isEqualTo(Reason.MALFORMED_XML);
  }

  private static boolean noConnectionArrives(ServerSocket server) throws IOException {
    try {
      server.accept().close();
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    }
  }

  private static Reason reasonOf(ParsedAnswer parsed) {
    assertThat(parsed).isInstanceOf(Rejected.class);
    return ((Rejected) parsed).reason();
  }
}
