package io.imagecontains.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A set of API keys, checked in constant time: a presented key is hashed and compared with the hash
 * of every configured key, without stopping at the first match, so neither the position of a wrong
 * byte nor which key matched shows in the time taken. Keeps only the hashes; {@link #toString}
 * never shows a key. Plain Java, so the MTurk simulator uses it too.
 */
public final class ApiKeys {

  /** Shorter keys are refused at start: a key is a password that is never typed by hand. */
  public static final int MIN_LENGTH = 16;

  private static final String BEARER = "bearer ";

  private final List<byte[]> digests;

  private ApiKeys(List<byte[]> digests) {
    this.digests = digests;
  }

  /**
   * The keys, blank entries ignored; refuses keys shorter than {@value #MIN_LENGTH} characters.
   *
   * @param setting the property the keys came from, for the message (never the keys themselves)
   */
  public static ApiKeys of(Collection<String> keys, String setting) {
    List<String> given = given(keys);
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i).length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            setting
                + ": key #"
                + (i + 1)
                + " is shorter than "
                + MIN_LENGTH
                + " characters; use long random keys (e.g. openssl rand -hex 32)");
      }
    }
    return new ApiKeys(given.stream().map(ApiKeys::sha256).toList());
  }

  /** The keys a setting gives: each trimmed, blank entries left out, in their order. */
  public static List<String> given(Collection<String> keys) {
    return keys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
  }

  public static ApiKeys none() {
    return new ApiKeys(List.of());
  }

  public boolean isEmpty() {
    return digests.isEmpty();
  }

  /** The 1-based number of the key presented, or 0 when it is none of them. Constant time. */
  public int match(String presented) {
    byte[] digest = sha256(presented);
    int found = 0;
    for (int i = 0; i < digests.size(); i++) {
      boolean equal = MessageDigest.isEqual(digests.get(i), digest);
      found = equal && found == 0 ? i + 1 : found;
    }
    return found;
  }

  public boolean accepts(String presented) {
    return match(presented) > 0;
  }

  /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive). */
  public static Optional<String> bearer(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[" + digests.size() + " keys]";
  }
}
