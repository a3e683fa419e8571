package io.imagecontains.workforce.hits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Identifiers shaped like MTurk's (30 upper-case letters and digits). Drawn from a seeded random so
 * a run with the same seed and the same calls yields the same ids. Not thread-safe: used under the
 * registry lock.
 */
final class HitIds {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int LENGTH = 30;
  private final Random random;

  HitIds(long seed) {
    this.random = new Random(seed);
  }

  String next() {
    StringBuilder id = new StringBuilder(LENGTH);
    id.append('3'); // MTurk ids commonly start with a digit; keeps them recognisable in logs
    while (id.length() < LENGTH) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  /** MTurk groups HITs with identical properties under one HIT type; same inputs, same id. */
  static String typeIdFor(HitRequest r) {
    String key =
        String.join(
            "\u0000",
            r.title(),
            r.description(),
            String.valueOf(r.keywords()),
            r.reward().toPlainString(),
            r.assignmentDuration().toString(),
            r.autoApprovalDelay().toString(),
            String.valueOf(r.qualificationRequirements()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "3T" + HexFormat.of().withUpperCase().formatHex(digest).substring(0, LENGTH - 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
