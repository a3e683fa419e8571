package io.imagecontains.mturk;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One {@code Answer} element of a {@code QuestionFormAnswers} document: its question identifier and
 * its value ({@code FreeText}, or {@code SelectionIdentifier} as a QuestionForm would send).
 * Elements of other kinds or namespaces are skipped; they yield an answer to no question.
 */
record AnswerElement(String questionIdentifier, String value) {

  private static final AnswerElement NONE = new AnswerElement(null, null);

  /** Reads the element the reader is on, leaving the reader on its end tag. */
  static AnswerElement read(XMLStreamReader reader) throws XMLStreamException {
    if (!isOurs(reader, "Answer")) {
      skipElement(reader);
      return NONE;
    }
    String identifier = null;
    String value = null;
    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (isOurs(reader, "QuestionIdentifier")) {
        identifier = reader.getElementText().trim();
      } else if (isOurs(reader, "FreeText") || isOurs(reader, "SelectionIdentifier")) {
        value = reader.getElementText();
      } else {
        skipElement(reader);
      }
    }
    return new AnswerElement(identifier, value == null ? "" : value);
  }

  private static boolean isOurs(XMLStreamReader reader, String localName) {
    return AnswerParser.NAMESPACE.equals(reader.getNamespaceURI())
        && localName.equals(reader.getLocalName());
  }

  private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
