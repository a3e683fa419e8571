package io.imagecontains.workforce.protocol;

/** What the fault injector does to one call. */
public enum Fault {
  NONE,
  THROTTLE,
  SERVER_ERROR,
  LOST_RESPONSE
}
