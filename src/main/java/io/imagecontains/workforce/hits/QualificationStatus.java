package io.imagecontains.workforce.hits;

/** MTurk's {@code QualificationStatus}, named as on the wire. */
public enum QualificationStatus {
  Granted,
  Revoked
}
