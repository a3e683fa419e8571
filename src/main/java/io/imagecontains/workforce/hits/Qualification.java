package io.imagecontains.workforce.hits;

import java.time.Instant;

/**
 * A Qualification of one worker: granted by {@code AssociateQualificationWithWorker}, revoked by
 * {@code DisassociateQualificationFromWorker}. Immutable (a change replaces it); {@code seq} orders
 * the grants of one type for {@code ListWorkersWithQualificationType} paging.
 */
public record Qualification(
    String typeId,
    String workerId,
    Instant grantTime,
    int integerValue,
    QualificationStatus status,
    long seq) {

  public boolean isGranted() {
    return status == QualificationStatus.Granted;
  }
}
