package io.imagecontains.workforce.crowd;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of the crowd file: {@code count} workers who behave alike. {@code accuracy} is one
 * number, or {@code [min, max]} for workers whose accuracies spread uniformly over that range; it
 * matters only to honest workers. {@code poison}, when given, replaces the crowd-wide {@code
 * simulator.poison.*} rates for this group's answers (its XXE target stays the crowd-wide one).
 * {@code labels}, when given, confines the group to HITs asking about those labels, and reserves
 * those labels for the groups that name them: a crowd file can so send some questions to a special
 * crowd (for tests: workers who always disagree).
 */
public record WorkerGroup(
    @JsonProperty("name") String name,
    @JsonProperty("count") int count,
    @JsonProperty("behaviour") Behaviour behaviour,
    @JsonProperty("accuracy") List<Double> accuracy,
    @JsonProperty("latency") LogNormal latency,
    @JsonProperty("abandonmentRate") double abandonmentRate,
    @JsonProperty("poison") AnswerPoison poison,
    @JsonProperty("labels") List<String> labels) {

  public WorkerGroup(
      String name,
      int count,
      Behaviour behaviour,
      List<Double> accuracy,
      LogNormal latency,
      double abandonmentRate) {
    this(name, count, behaviour, accuracy, latency, abandonmentRate, null, null);
  }

  @JsonCreator
  public WorkerGroup {
    labels = labels == null ? List.of() : List.copyOf(labels);
    if (name == null || name.isBlank() || count < 0 || behaviour == null || latency == null) {
      throw new IllegalArgumentException(
          "a worker group needs a name, a count >= 0, a behaviour and a latency: " + name);
    }
    accuracy = accuracy == null || accuracy.isEmpty() ? List.of(1.0) : List.copyOf(accuracy);
    if (accuracy.size() > 2 || accuracy.stream().anyMatch(a -> a < 0 || a > 1)) {
      throw new IllegalArgumentException("accuracy must be p or [min, max] within 0..1: " + name);
    }
    if (abandonmentRate < 0 || abandonmentRate > 1) {
      throw new IllegalArgumentException("abandonmentRate must be within 0..1: " + name);
    }
  }

  double minAccuracy() {
    return accuracy.get(0);
  }

  double maxAccuracy() {
    return accuracy.get(accuracy.size() - 1);
  }
}
