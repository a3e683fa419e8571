package io.imagecontains.workforce.crowd;

import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads the {@code HTMLContent} out of an {@code HTMLQuestion} document with a hardened parser (no
 * DTDs, no external entities): the question comes from a client and must not reach the file system
 * or the network.
 */
final class HtmlQuestionXml {
  private static final String NAMESPACE =
      "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2011-11-11/HTMLQuestion.xsd";

  /** Building a parser costs far more than parsing one question: one per thread, reset per use. */
  private static final ThreadLocal<DocumentBuilder> PARSER =
      ThreadLocal.withInitial(HtmlQuestionXml::newParser);

  private HtmlQuestionXml() {}

  static Optional<String> htmlContent(String question) {
    try {
      DocumentBuilder parser = PARSER.get();
      parser.reset();
      parser.setErrorHandler(null);
      Document doc = parser.parse(new InputSource(new StringReader(question)));
      NodeList nodes = doc.getElementsByTagNameNS(NAMESPACE, "HTMLContent");
      if (nodes.getLength() == 0) {
        nodes = doc.getElementsByTagNameNS("*", "HTMLContent");
      }
      return nodes.getLength() == 0
          ? Optional.empty()
          : Optional.of(nodes.item(0).getTextContent());
    } catch (Exception e) {
      return Optional.empty(); // not XML: the caller treats the question as bare HTML
    }
  }

  private static DocumentBuilder newParser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser supports these features", e);
    }
  }
}
