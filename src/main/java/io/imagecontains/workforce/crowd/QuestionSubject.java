package io.imagecontains.workforce.crowd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagecontains.workforce.hits.HitRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image URL and label a HIT asks about, read back from what the requester sent, so simulated
 * workers can "look" at the image. Sources, first match wins:
 *
 * <ol>
 *   <li>{@code RequesterAnnotation} holding a JSON object with string fields {@code url} and {@code
 *       label} (MTurk caps the annotation at 255 characters, so long URLs do not fit there);
 *   <li>the HTML of the {@code HTMLQuestion}: the {@code src} of the first {@code <img>} and the
 *       text of the element with {@code id="label"}, HTML entities decoded.
 * </ol>
 */
public record QuestionSubject(String url, String label) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern IMG_SRC =
      Pattern.compile("<img\\b[^>]*?\\bsrc\\s*=\\s*([\"'])(.*?)\\1", FLAGS);
  private static final Pattern LABEL_ELEMENT =
      Pattern.compile("<(\\w+)\\b[^>]*?\\bid\\s*=\\s*([\"'])label\\2[^>]*>(.*?)</\\1\\s*>", FLAGS);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  public static Optional<QuestionSubject> of(HitRequest request) {
    return fromAnnotation(request.requesterAnnotation()).or(() -> fromQuestion(request.question()));
  }

  static Optional<QuestionSubject> fromAnnotation(String annotation) {
    if (annotation == null || !annotation.trim().startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(annotation);
      if (node.path("url").isTextual() && node.path("label").isTextual()) {
        return Optional.of(
            new QuestionSubject(node.get("url").asText(), node.get("label").asText()));
      }
    } catch (Exception e) {
      // Not JSON after all: an annotation is free text to MTurk, so fall back to the HTML.
    }
    return Optional.empty();
  }

  static Optional<QuestionSubject> fromQuestion(String question) {
    if (question == null) {
      return Optional.empty();
    }
    String html = HtmlQuestionXml.htmlContent(question).orElse(question);
    Matcher img = IMG_SRC.matcher(html);
    Matcher label = LABEL_ELEMENT.matcher(html);
    if (!img.find() || !label.find()) {
      return Optional.empty();
    }
    String text = TAG.matcher(label.group(3)).replaceAll("");
    return Optional.of(
        new QuestionSubject(HtmlEntities.decode(img.group(2)), HtmlEntities.decode(text).trim()));
  }
}
