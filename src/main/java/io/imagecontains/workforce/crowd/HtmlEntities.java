package io.imagecontains.workforce.crowd;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the HTML character references an HTML encoder produces (named basics and numeric). */
final class HtmlEntities {
  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

  private HtmlEntities() {}

  static String decode(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decodeOne(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decodeOne(String ref) {
    if (ref.startsWith("#x") || ref.startsWith("#X")) {
      return Character.toString(Integer.parseInt(ref.substring(2), 16));
    }
    if (ref.startsWith("#")) {
      return Character.toString(Integer.parseInt(ref.substring(1)));
    }
    return NAMED.get(ref);
  }
}
