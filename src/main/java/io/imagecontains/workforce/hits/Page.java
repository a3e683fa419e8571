package io.imagecontains.workforce.hits;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a listing, with MTurk's opaque {@code NextToken}. The token holds the sequence number
 * of the last item returned (keyset paging), so items that change status or appear between two
 * calls never shift the next page: nothing is skipped or repeated.
 */
public record Page<T>(List<T> items, String nextToken) {
  static final int DEFAULT_MAX_RESULTS = 10;
  static final int MAX_MAX_RESULTS = 100;

  static <T> Page<T> of(
      List<T> ordered, ToLongFunction<T> seqOf, String nextToken, Integer maxResults) {
    int limit = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
    if (limit < 1 || limit > MAX_MAX_RESULTS) {
      throw new TurkError(TurkError.PARAMETER_OUT_OF_RANGE, "MaxResults must be 1 to 100.");
    }
    long after = nextToken == null ? Long.MIN_VALUE : decode(nextToken);
    List<T> rest = ordered.stream().filter(t -> seqOf.applyAsLong(t) > after).toList();
    if (rest.size() <= limit) {
      return new Page<>(rest, null);
    }
    List<T> items = rest.subList(0, limit);
    return new Page<>(List.copyOf(items), encode(seqOf.applyAsLong(items.get(limit - 1))));
  }

  private static String encode(long seq) {
    return Base64.getUrlEncoder()
        .encodeToString(("after:" + seq).getBytes(StandardCharsets.US_ASCII));
  }

  private static long decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      return Long.parseLong(text.substring("after:".length()));
    } catch (RuntimeException e) {
      throw new TurkError(TurkError.PARAMETER_OUT_OF_RANGE, "Invalid NextToken: " + token);
    }
  }
}
