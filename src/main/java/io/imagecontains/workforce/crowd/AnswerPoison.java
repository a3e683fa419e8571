package io.imagecontains.workforce.crowd;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Rates of hostile or broken answers the crowd submits instead of a clean yes/no, to test that the
 * requester's answer parser ignores them: malformed XML, an answer value other than yes/no, and an
 * XML external entity (XXE) payload whose entities point at {@code xxeTarget} (a file or an HTTP
 * URL; a parser that resolves them reads the file or calls the URL). All rates 0 by default. Set
 * for the whole crowd ({@code simulator.poison.*}) or per worker group in the crowd file.
 */
public record AnswerPoison(
    @JsonProperty("malformedRate") double malformedRate,
    @JsonProperty("unknownValueRate") double unknownValueRate,
    @JsonProperty("xxeRate") double xxeRate,
    @JsonProperty("xxeTarget") String xxeTarget) {
  public static final String DEFAULT_XXE_TARGET = "file:///etc/passwd";
  public static final AnswerPoison NONE = new AnswerPoison(0, 0, 0);

  public AnswerPoison {
    double total = malformedRate + unknownValueRate + xxeRate;
    if (malformedRate < 0 || unknownValueRate < 0 || xxeRate < 0 || total > 1) {
      throw new IllegalArgumentException("poison rates must be >= 0 and sum to at most 1");
    }
    if (xxeTarget == null || xxeTarget.isBlank()) {
      xxeTarget = DEFAULT_XXE_TARGET;
    }
    if (xxeTarget.contains("\"") || xxeTarget.contains("'")) {
      throw new IllegalArgumentException("the XXE target must not contain quotes: " + xxeTarget);
    }
  }

  public AnswerPoison(double malformedRate, double unknownValueRate, double xxeRate) {
    this(malformedRate, unknownValueRate, xxeRate, null);
  }

  /** The same rates with their XXE payloads pointing at {@code target}. */
  public AnswerPoison withXxeTarget(String target) {
    return new AnswerPoison(malformedRate, unknownValueRate, xxeRate, target);
  }
}
