package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonValue;

/** The seed's task states. */
public enum TaskState {
  PROCESSING,
  COMPLETED,
  FAILED;

  // Computed once: views and metrics ask for it for every task.
  private final String publicName = name().toLowerCase(java.util.Locale.ROOT);

  @JsonValue
  public String publicName() {
    return publicName;
  }

  public boolean isFinished() {
    return this != PROCESSING;
  }
}
