package io.imagecontains.workforce.hits;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;

/** The parameters of {@code CreateHIT}, validated by {@link HitRegistry#create}. */
public record HitRequest(
    String title,
    String description,
    String keywords,
    BigDecimal reward,
    int maxAssignments,
    Duration lifetime,
    Duration assignmentDuration,
    Duration autoApprovalDelay,
    String question,
    String requesterAnnotation,
    String uniqueRequestToken,
    JsonNode qualificationRequirements) {

  /** MTurk's default auto-approval delay: 30 days. */
  public static final Duration DEFAULT_AUTO_APPROVAL = Duration.ofDays(30);
}
