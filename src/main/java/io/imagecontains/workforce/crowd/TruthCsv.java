package io.imagecontains.workforce.crowd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses truth-file rows {@code url,label,truth} (RFC 4180 quoting, so URLs and labels may hold
 * commas; one row per line). Blank lines and lines starting with {@code #} are skipped; a first row
 * whose third field is not a truth value is taken as a header.
 */
final class TruthCsv {
  private TruthCsv() {}

  static Map<List<String>, Boolean> parse(List<String> lines, String origin) {
    Map<List<String>, Boolean> rows = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      Boolean truth = fields.size() == 3 ? truthValue(fields.get(2)) : null;
      if (truth == null && rows.isEmpty() && i == firstDataLine(lines)) {
        continue; // header
      }
      if (truth == null) {
        throw new IllegalArgumentException(
            origin + " line " + (i + 1) + ": expected url,label,truth (true/false/yes/no/1/0)");
      }
      rows.put(List.of(fields.get(0), fields.get(1)), truth);
    }
    return rows;
  }

  private static int firstDataLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && !lines.get(i).startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private static Boolean truthValue(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> null;
    };
  }

  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
