package io.imagecontains.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A kustomization directory's manifests, as parsed YAML, found by kind and name. */
record Manifests(
    Path dir, JsonNode kustomization, List<JsonNode> resources, List<JsonNode> patches) {

  static final Path BASE = Path.of("deploy", "base");
  static final Path PRODUCTION = Path.of("deploy", "overlays", "production");

  /** The kustomization in DIR, its own resource files (not those of bases) and its patches. */
  static Manifests load(Path dir) {
    JsonNode kustomization = YamlFiles.document(dir.resolve("kustomization.yaml"));
    List<JsonNode> resources = new ArrayList<>();
    for (JsonNode entry : kustomization.path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      if (Files.isRegularFile(path)) {
        resources.addAll(YamlFiles.documents(path));
      }
    }
    List<JsonNode> patches = new ArrayList<>();
    for (JsonNode patch : kustomization.path("patches")) {
      Path path = dir.resolve(patch.path("path").asText());
      if (Files.isRegularFile(path)) {
        patches.addAll(YamlFiles.documents(path));
      }
    }
    return new Manifests(dir, kustomization, resources, patches);
  }

  Optional<JsonNode> find(String kind, String name) {
    return resources.stream()
        .filter(r -> r.path("kind").asText().equals(kind))
        .filter(r -> r.path("metadata").path("name").asText().equals(name))
        .findFirst();
  }

  JsonNode get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new AssertionError(dir + " has no " + kind + " " + name));
  }

  List<JsonNode> ofKind(String kind) {
    return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
  }

  /** The one workload (StatefulSet or Deployment) of the base. */
  JsonNode workload() {
    List<JsonNode> workloads = new ArrayList<>(ofKind("StatefulSet"));
    workloads.addAll(ofKind("Deployment"));
    if (workloads.size() != 1) {
      throw new AssertionError(dir + " should hold one workload, holds " + workloads.size());
    }
    return workloads.get(0);
  }

  static Map<String, String> labels(JsonNode labels) {
    return new TreeMap<>(YamlFiles.texts(labels));
  }
}
