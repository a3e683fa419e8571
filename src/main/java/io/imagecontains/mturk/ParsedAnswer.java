package io.imagecontains.mturk;

/** What {@link AnswerParser} made of one assignment's answer XML. */
public sealed interface ParsedAnswer {

  /** A usable answer. */
  record Accepted(boolean containsTarget) implements ParsedAnswer {}

  /**
   * An answer that cannot be used; the core ignores it and counts it by reason.
   *
   * @param detail a short human explanation (never the raw input)
   */
  record Rejected(Reason reason, String detail) implements ParsedAnswer {}

  /** Why an answer was rejected; the names are stable, for metrics. */
  enum Reason {
    /** Null, blank, or longer than {@link AnswerParser#MAX_CHARS}. */
    TOO_LARGE_OR_EMPTY,
    /** Not well-formed XML, or text where MTurk puts elements. */
    MALFORMED_XML,
    /** A DOCTYPE (and so possibly entities) is present: never processed. */
    DTD_NOT_ALLOWED,
    /** Well-formed, but not a {@code QuestionFormAnswers} document in MTurk's namespace. */
    NOT_QUESTION_FORM_ANSWERS,
    /** No answer to our question. */
    MISSING_ANSWER,
    /** Our question answered more than once. */
    DUPLICATE_ANSWER,
    /** The answer is neither yes nor no. */
    UNKNOWN_VALUE
  }
}
