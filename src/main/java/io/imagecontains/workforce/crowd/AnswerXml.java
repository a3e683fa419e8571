package io.imagecontains.workforce.crowd;

import java.util.Random;

/**
 * Writes what MTurk returns in {@code Assignment.Answer} for an HTMLQuestion whose form has one
 * field named {@value #QUESTION_ID}: a {@code QuestionFormAnswers} document with the value {@code
 * yes} or {@code no} as FreeText, or, at the configured {@link AnswerPoison} rates, a broken one.
 */
public final class AnswerXml {
  /** The form field the HIT's HTML must name its yes/no input. */
  public static final String QUESTION_ID = "answer";

  public static final String NAMESPACE =
      "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2005-10-01/"
          + "QuestionFormAnswers.xsd";

  private final AnswerPoison poison;

  public AnswerXml(AnswerPoison poison) {
    this.poison = poison;
  }

  public static String clean(String value) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body(value);
  }

  private static String body(String value) {
    return "<QuestionFormAnswers xmlns=\""
        + NAMESPACE
        + "\"><Answer><QuestionIdentifier>"
        + QUESTION_ID
        + "</QuestionIdentifier><FreeText>"
        + value
        + "</FreeText></Answer></QuestionFormAnswers>";
  }

  /**
   * An answer whose DOCTYPE declares external entities at {@code target}: a parameter entity that a
   * DTD-processing parser fetches as soon as it reads the DOCTYPE, and a general entity used as the
   * answer's value. A safe parser touches neither.
   */
  static String xxe(String target) {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE QuestionFormAnswers [<!ENTITY % dtd SYSTEM \""
        + target
        + (target.startsWith("http") ? "?parameter-entity" : "")
        + "\"> %dtd; <!ENTITY xxe SYSTEM \""
        + target
        + (target.startsWith("http") ? "?general-entity" : "")
        + "\">]>\n"
        + body("&xxe;");
  }

  /** The worker's yes/no answer, possibly poisoned. */
  String write(boolean yes, Random random) {
    double draw = random.nextDouble();
    if (draw < poison.malformedRate()) {
      return "<QuestionFormAnswers xmlns=\"" + NAMESPACE + "\"><Answer><FreeText>yes</Answer>";
    }
    draw -= poison.malformedRate();
    if (draw < poison.unknownValueRate()) {
      return clean("maybe");
    }
    draw -= poison.unknownValueRate();
    if (draw < poison.xxeRate()) {
      return xxe(poison.xxeTarget());
    }
    return clean(yes ? "yes" : "no");
  }
}
