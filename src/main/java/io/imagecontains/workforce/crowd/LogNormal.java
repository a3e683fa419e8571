package io.imagecontains.workforce.crowd;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Random;

/**
 * A log-normal duration in simulated seconds, the usual shape of human response times: most answers
 * near the median, a long tail of slow ones. {@code sigma} 0 means always the median.
 */
public record LogNormal(
    @JsonProperty("medianSeconds") double medianSeconds, @JsonProperty("sigma") double sigma) {

  public LogNormal {
    if (!(medianSeconds > 0) || sigma < 0) {
      throw new IllegalArgumentException(
          "latency needs medianSeconds > 0 and sigma >= 0, got " + medianSeconds + "/" + sigma);
    }
  }

  public Duration sample(Random random) {
    double seconds = medianSeconds * Math.exp(sigma * random.nextGaussian());
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }
}
