package io.imagecontains.workforce.hits;

/** MTurk's {@code HITStatus}; the wire value is the constant's name. */
public enum HitStatus {
  Assignable,
  Unassignable,
  Reviewable,
  Reviewing,
  Disposed
}
