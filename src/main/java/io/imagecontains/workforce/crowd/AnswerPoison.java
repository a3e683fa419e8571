package io.imagecontains.workforce.crowd;

/**
 * Rates of hostile or broken answers the crowd submits instead of a clean yes/no, to test that the
 * requester's answer parser ignores them: malformed XML, an answer value other than yes/no, and an
 * XML external entity (XXE) payload. All 0 by default.
 */
public record AnswerPoison(double malformedRate, double unknownValueRate, double xxeRate) {
  public static final AnswerPoison NONE = new AnswerPoison(0, 0, 0);

  public AnswerPoison {
    double total = malformedRate + unknownValueRate + xxeRate;
    if (malformedRate < 0 || unknownValueRate < 0 || xxeRate < 0 || total > 1) {
      throw new IllegalArgumentException("poison rates must be >= 0 and sum to at most 1");
    }
  }
}
