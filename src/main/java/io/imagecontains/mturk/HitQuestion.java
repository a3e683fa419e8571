package io.imagecontains.mturk;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * Builds the {@code HTMLQuestion} XML of a HIT: a page that shows the image and asks "Does this
 * image contain: {label}?" with Yes/No, and posts the form field {@value
 * AnswerParser#QUESTION_IDENTIFIER} and the {@code assignmentId} to MTurk's external submit URL.
 *
 * <p>The label and the image URL come from clients and end up in workers' browsers, so they are
 * encoded for their HTML context, URLs must be absolute http(s) (never {@code javascript:} or
 * {@code data:}), and the CDATA section that carries the page cannot be closed early.
 */
public final class HitQuestion {

  public static final String NAMESPACE =
      "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2011-11-11/"
          + "HTMLQuestion.xsd";
  public static final URI PRODUCTION_SUBMIT_URL =
      URI.create("https://www.mturk.com/mturk/externalSubmit");
  public static final URI SANDBOX_SUBMIT_URL =
      URI.create("https://workersandbox.mturk.com/mturk/externalSubmit");
  public static final int DEFAULT_FRAME_HEIGHT = 640;

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{(question|label|submitUrl|imageUrl|field)\\}");

  private final String submitUrl;
  private final int frameHeight;

  /**
   * @param submitUrl where the worker's browser posts the form (production, sandbox, or the
   *     self-hosted workforce)
   * @param frameHeight height in pixels of the frame MTurk shows the page in
   */
  public HitQuestion(URI submitUrl, int frameHeight) {
    this.submitUrl = requireWebUrl(submitUrl.toString(), "submit URL");
    if (frameHeight < 1) {
      throw new IllegalArgumentException("frameHeight must be positive");
    }
    this.frameHeight = frameHeight;
  }

  /**
   * The {@code Question} parameter of {@code CreateHIT} for one task.
   *
   * @throws IllegalArgumentException if the image URL is not an absolute http(s) URL or the label
   *     is blank (both are refused at the ingress; this is the last line of defence)
   */
  public String xml(String imageUrl, String label) {
    String html = page(requireWebUrl(imageUrl, "image URL"), requireLabel(label));
    return "<HTMLQuestion xmlns=\""
        + NAMESPACE
        + "\"><HTMLContent>"
        + cdata(html)
        + "</HTMLContent><FrameHeight>"
        + frameHeight
        + "</FrameHeight></HTMLQuestion>";
  }

  /** Fills the template in one pass, so a label that reads "{imageUrl}" stays a label. */
  private String page(String imageUrl, String label) {
    Map<String, String> values =
        Map.of(
            "question",
            "Does this image contain: " + Encode.forHtml(label) + "?",
            "label",
            Encode.forHtml(label),
            "submitUrl",
            Encode.forHtmlAttribute(submitUrl),
            "imageUrl",
            Encode.forHtmlAttribute(imageUrl),
            "field",
            AnswerParser.QUESTION_IDENTIFIER);
    return PLACEHOLDER
        .matcher(HitPage.TEMPLATE)
        .replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
  }

  /**
   * A CDATA section holding any text: each {@code ]]>} is split across two sections, so nothing in
   * the page can end the section and inject XML.
   */
  static String cdata(String text) {
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  private static String requireLabel(String label) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    return label.strip();
  }

  /** The URL as given if it is an absolute http(s) URL with a host; refused otherwise. */
  static String requireWebUrl(String url, String what) {
    Objects.requireNonNull(url, what);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new IllegalArgumentException(what + " must be an absolute http(s) URL");
  }
}
