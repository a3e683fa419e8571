package io.imagecontains.mturk;

import io.imagecontains.mturk.ParsedAnswer.Accepted;
import io.imagecontains.mturk.ParsedAnswer.Reason;
import io.imagecontains.mturk.ParsedAnswer.Rejected;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the {@code QuestionFormAnswers} XML of an MTurk assignment into a yes/no answer.
 *
 * <p>The question is the HIT page's form field {@value #QUESTION_IDENTIFIER} (see {@link
 * HitQuestion}); MTurk returns each form field as an {@code Answer} with that identifier and the
 * value as {@code FreeText}. Accepted values are {@code yes} and {@code no}, trimmed and in any
 * case. Other questions are ignored.
 *
 * <p>The XML comes from the outside (and, with a self-hosted workforce, from anyone), so the parser
 * is hardened: DOCTYPEs are refused before any entity is expanded, external entities and DTDs are
 * never fetched, and the input is bounded. It never throws: every failure is a {@link Rejected}
 * with a reason.
 */
public final class AnswerParser {

  public static final String NAMESPACE =
      "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2005-10-01/"
          + "QuestionFormAnswers.xsd";
  public static final String QUESTION_IDENTIFIER = "answer";

  /** Far above a real answer (a few hundred characters), far below anything that hurts. */
  public static final int MAX_CHARS = 16 * 1024;

  private static final XMLInputFactory FACTORY = hardenedFactory();

  /** The answer in this XML, or why there is none. */
  public ParsedAnswer parse(String xml) {
    if (xml == null || xml.isBlank() || xml.length() > MAX_CHARS) {
      return new Rejected(Reason.TOO_LARGE_OR_EMPTY, "expected 1.." + MAX_CHARS + " characters");
    }
    try {
      return interpret(readAnswers(xml));
    } catch (RejectedInput e) {
      return e.rejected;
    } catch (XMLStreamException | RuntimeException e) {
      return new Rejected(Reason.MALFORMED_XML, "not well-formed XML");
    }
  }

  private static ParsedAnswer interpret(List<String> values) {
    if (values.isEmpty()) {
      return new Rejected(Reason.MISSING_ANSWER, "no answer to '" + QUESTION_IDENTIFIER + "'");
    }
    if (values.size() > 1) {
      return new Rejected(Reason.DUPLICATE_ANSWER, "'" + QUESTION_IDENTIFIER + "' answered twice");
    }
    String value = values.get(0).trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "yes" -> new Accepted(true);
      case "no" -> new Accepted(false);
      default -> new Rejected(Reason.UNKNOWN_VALUE, "expected yes or no");
    };
  }

  /** The values given for our question, in document order. */
  private static List<String> readAnswers(String xml) throws XMLStreamException {
    XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
    try {
      requireRoot(reader);
      List<String> values = new ArrayList<>();
      while (nextChildElement(reader)) {
        AnswerElement answer = AnswerElement.read(reader);
        if (QUESTION_IDENTIFIER.equals(answer.questionIdentifier())) {
          values.add(answer.value());
        }
      }
      drain(reader);
      return values;
    } finally {
      reader.close();
    }
  }

  private static void requireRoot(XMLStreamReader reader) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        throw new RejectedInput(Reason.DTD_NOT_ALLOWED, "DOCTYPE declarations are refused");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (!NAMESPACE.equals(reader.getNamespaceURI())
            || !"QuestionFormAnswers".equals(reader.getLocalName())) {
          throw new RejectedInput(
              Reason.NOT_QUESTION_FORM_ANSWERS, "root must be QuestionFormAnswers in " + NAMESPACE);
        }
        return;
      }
    }
    throw new XMLStreamException("no root element");
  }

  /** Moves to the next child of the root; false at the root's end. */
  private static boolean nextChildElement(XMLStreamReader reader) throws XMLStreamException {
    int event = reader.nextTag();
    return event == XMLStreamConstants.START_ELEMENT;
  }

  /** Reads to the end so that trailing garbage still counts as malformed. */
  private static void drain(XMLStreamReader reader) throws XMLStreamException {
    while (reader.hasNext()) {
      reader.next();
    }
  }

  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  /** Carries a rejection out of the reading loop. */
  private static final class RejectedInput extends RuntimeException {
    private final Rejected rejected;

    RejectedInput(Reason reason, String detail) {
      super(detail, null, false, false);
      this.rejected = new Rejected(reason, detail);
    }
  }
}
