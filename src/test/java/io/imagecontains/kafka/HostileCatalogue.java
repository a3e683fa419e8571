package io.imagecontains.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input catalogue ({@code src/test/resources/hostile/catalogue.txt}): records the
 * service must refuse, each with the refusal code the contract gives it. The file's header explains
 * the notation; {@code bench/scenarios/hostile} reads the same file.
 */
final class HostileCatalogue {

  /** One bad record: the code it must be refused with, what it is, and its value (may be null). */
  record Entry(String code, String what, byte[] value) {}

  static final String RESOURCE = "/hostile/catalogue.txt";
  private static final Pattern REPEAT = Pattern.compile("\\{\\{(\\d+)\\*(.*?)\\}\\}");
  private static final String NULL_VALUE = "<null>";

  private HostileCatalogue() {}

  static List<Entry> load() {
    try (InputStream in = HostileCatalogue.class.getResourceAsStream(RESOURCE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Entry> entries = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split("\t", 3);
          entries.add(new Entry(parts[0], parts[1], decode(parts[2])));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Expands {@code {{N*text}}}, then turns {@code \xHH} into raw bytes. */
  static byte[] decode(String value) {
    if (value.equals(NULL_VALUE)) {
      return null;
    }
    Matcher repeat = REPEAT.matcher(value);
    StringBuilder expanded = new StringBuilder();
    while (repeat.find()) {
      String copies = repeat.group(2).repeat(Integer.parseInt(repeat.group(1)));
      repeat.appendReplacement(expanded, Matcher.quoteReplacement(copies));
    }
    repeat.appendTail(expanded);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(expanded.length());
    for (int i = 0; i < expanded.length(); i++) {
      if (isByteEscape(expanded, i)) {
        bytes.write(Integer.parseInt(expanded.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        int end = i + Character.charCount(expanded.codePointAt(i));
        bytes.writeBytes(expanded.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return bytes.toByteArray();
  }

  private static boolean isByteEscape(CharSequence s, int i) {
    return i + 3 < s.length()
        && s.charAt(i) == '\\'
        && s.charAt(i + 1) == 'x'
        && Character.digit(s.charAt(i + 2), 16) >= 0
        && Character.digit(s.charAt(i + 3), 16) >= 0;
  }
}
