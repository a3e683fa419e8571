package io.imagecontains.workforce.crowd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an image really contains a label. Pairs listed in the truth file (CSV rows {@code
 * url,label,truth}) say so; any other pair gets a truth derived from a SHA-256 of (url, label), so
 * it is the same in every run and every process, and positive with probability {@code
 * positiveRate}. Immutable, thread-safe.
 */
public final class GroundTruth {
  private final Map<Pair, Boolean> listed;
  private final double positiveRate;

  private record Pair(String url, String label) {}

  public GroundTruth(Map<List<String>, Boolean> listed, double positiveRate) {
    if (positiveRate < 0 || positiveRate > 1) {
      throw new IllegalArgumentException("positive rate must be within 0..1: " + positiveRate);
    }
    Map<Pair, Boolean> copy = new HashMap<>();
    listed.forEach((k, v) -> copy.put(new Pair(k.get(0), k.get(1)), v));
    this.listed = Map.copyOf(copy);
    this.positiveRate = positiveRate;
  }

  /** Only hashed truths. */
  public static GroundTruth hashed(double positiveRate) {
    return new GroundTruth(Map.of(), positiveRate);
  }

  public static GroundTruth load(Path truthFile, double positiveRate) {
    try {
      List<String> lines = Files.readAllLines(truthFile, StandardCharsets.UTF_8);
      return new GroundTruth(TruthCsv.parse(lines, truthFile.toString()), positiveRate);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read truth file " + truthFile, e);
    }
  }

  public boolean contains(String url, String label) {
    Boolean truth = listed.get(new Pair(url, label));
    return truth != null ? truth : hashedTruth(url, label);
  }

  public int listedCount() {
    return listed.size();
  }

  private boolean hashedTruth(String url, String label) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((url + '\u0000' + label).getBytes(StandardCharsets.UTF_8));
      long bits = ByteBuffer.wrap(digest).getLong() >>> 11; // 53 uniform bits
      return bits * 0x1.0p-53 < positiveRate;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
