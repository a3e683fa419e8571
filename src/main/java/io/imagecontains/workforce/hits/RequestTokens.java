package io.imagecontains.workforce.hits;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MTurk's {@code UniqueRequestToken} memory: a token seen in the last 24 hours names the HIT its
 * first request acted on; after 24 hours MTurk forgets it (and so may create a duplicate). Not
 * thread-safe: used under the {@link HitRegistry} lock.
 */
final class RequestTokens {
  static final Duration MEMORY = Duration.ofHours(24);
  static final int MAX_LENGTH = 64;

  private record Use(String hitId, Instant at) {}

  private final Map<String, Use> uses = new HashMap<>();

  /** The HIT a live token already acted on, if any. */
  Optional<String> hitFor(String token, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    Use use = uses.get(token);
    if (use == null || !now.isBefore(use.at().plus(MEMORY))) {
      return Optional.empty();
    }
    return Optional.of(use.hitId());
  }

  void remember(String token, String hitId, Instant now) {
    if (token != null) {
      uses.put(token, new Use(hitId, now));
    }
  }

  static void validate(String token) {
    if (token != null && (token.isEmpty() || token.length() > MAX_LENGTH)) {
      throw new TurkError(
          TurkError.PARAMETER_OUT_OF_RANGE, "UniqueRequestToken must be 1 to 64 characters.");
    }
  }
}
