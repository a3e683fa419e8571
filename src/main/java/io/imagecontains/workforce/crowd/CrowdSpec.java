package io.imagecontains.workforce.crowd;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A crowd: how long an open assignment waits until some worker takes it ({@code arrival}) and the
 * groups of workers. See {@code docs/simulator.md} for the file format.
 */
public record CrowdSpec(
    @JsonProperty("arrival") LogNormal arrival, @JsonProperty("groups") List<WorkerGroup> groups) {

  public CrowdSpec {
    if (arrival == null || groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("a crowd needs an arrival latency and at least one group");
    }
    groups = List.copyOf(groups);
  }

  public int size() {
    return groups.stream().mapToInt(WorkerGroup::count).sum();
  }
}
