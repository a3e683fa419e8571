package io.imagecontains.workforce.hits;

import java.time.Instant;

/**
 * A Qualification type the requester created ({@code CreateQualificationType}). Immutable; {@code
 * seq} orders types by creation for {@code ListQualificationTypes} paging.
 */
public record QualificationType(
    String id,
    long seq,
    Instant creationTime,
    String name,
    String description,
    String keywords,
    boolean active) {

  /** MTurk's {@code QualificationTypeStatus}: {@code Active} or {@code Inactive}. */
  public String status() {
    return active ? "Active" : "Inactive";
  }
}
