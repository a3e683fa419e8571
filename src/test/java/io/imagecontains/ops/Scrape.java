package io.imagecontains.ops;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /q/metrics} (Prometheus text format), read back by name and tags. */
final class Scrape {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  private record Sample(String name, Map<String, String> tags, double value) {}

  private final java.util.List<Sample> samples = new java.util.ArrayList<>();

  private Scrape(String text) {
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.find()) {
        continue;
      }
      Map<String, String> tags = new HashMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          tags.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(m.group(1), tags, Double.parseDouble(m.group(3))));
    }
  }

  static Scrape now() {
    return new Scrape(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
  }

  boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  /** The sum of the samples with this name that carry all these tags (0 when there is none). */
  double value(String name, String... tags) {
    double sum = 0;
    for (Sample s : samples) {
      if (s.name().equals(name) && carries(s, tags)) {
        sum += s.value();
      }
    }
    return sum;
  }

  /** How much a value grew since an earlier scrape. */
  double since(Scrape before, String name, String... tags) {
    return value(name, tags) - before.value(name, tags);
  }

  private static boolean carries(Sample s, String... tags) {
    for (int i = 0; i < tags.length; i += 2) {
      if (!tags[i + 1].equals(s.tags().get(tags[i]))) {
        return false;
      }
    }
    return true;
  }
}
