package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonValue;

/** The seed's task states. */
public enum TaskState {
  PROCESSING,
  COMPLETED,
  FAILED;

  @JsonValue
  public String publicName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isFinished() {
    return this != PROCESSING;
  }
}
