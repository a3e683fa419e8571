package io.imagecontains.task;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants exactly as {@link DateTimeFormatter#ISO_INSTANT} does, but reuses the text up to
 * the second: every view carries two timestamps, and the tasks of one second share that text, so
 * the formatter (a tenth of the core's time in profiles) runs once per second, not per view.
 */
final class IsoInstant {

  /** The formatted text of one epoch second, without the zone designator. */
  private record Second(long epochSecond, String text) {}

  // Safe without locking: a Second is immutable, and a thread that sees an old one formats anew.
  private static volatile Second last = new Second(0, "1970-01-01T00:00:00");

  private IsoInstant() {}

  static String format(Instant instant) {
    int nanos = instant.getNano();
    if (nanos % 1_000_000 != 0) {
      return DateTimeFormatter.ISO_INSTANT.format(instant); // finer than millis: rare, not cached
    }
    Second second = last;
    if (second.epochSecond() != instant.getEpochSecond()) {
      String full =
          DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(instant.getEpochSecond()));
      second = new Second(instant.getEpochSecond(), full.substring(0, full.length() - 1));
      last = second;
    }
    int millis = nanos / 1_000_000;
    if (millis == 0) {
      return second.text() + 'Z';
    }
    return second.text()
        + '.'
        + (char) ('0' + millis / 100)
        + (char) ('0' + millis / 10 % 10)
        + (char) ('0' + millis % 10)
        + 'Z';
  }
}
