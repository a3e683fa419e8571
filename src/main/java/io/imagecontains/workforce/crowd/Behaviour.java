package io.imagecontains.workforce.crowd;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Random;

/** How a simulated worker decides an answer; the crowd file names them in kebab case. */
public enum Behaviour {
  /** Tells the truth with the worker's accuracy, the opposite otherwise. */
  HONEST("honest"),
  /** A coin flip, whatever the image shows. */
  RANDOM("random"),
  ALWAYS_YES("always-yes"),
  ALWAYS_NO("always-no");

  private final String fileName;

  Behaviour(String fileName) {
    this.fileName = fileName;
  }

  @JsonValue
  public String fileName() {
    return fileName;
  }

  @JsonCreator
  public static Behaviour fromFileName(String name) {
    return Arrays.stream(values())
        .filter(b -> b.fileName.equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown behaviour '" + name + "'; use honest, random, always-yes, always-no"));
  }

  /** The answer "yes, the image contains it" for a HIT whose truth is {@code truth}. */
  boolean answer(boolean truth, double accuracy, Random random) {
    return switch (this) {
      case HONEST -> random.nextDouble() < accuracy ? truth : !truth;
      case RANDOM -> random.nextBoolean();
      case ALWAYS_YES -> true;
      case ALWAYS_NO -> false;
    };
  }
}
