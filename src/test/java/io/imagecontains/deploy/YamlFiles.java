package io.imagecontains.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the YAML the deployment files are written in, one or more documents per file. */
final class YamlFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlFiles() {}

  static List<JsonNode> documents(Path file) {
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      List<JsonNode> documents = new ArrayList<>();
      Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
      it.forEachRemaining(
          node -> {
            if (node != null && !node.isNull() && !node.isMissingNode()) {
              documents.add(node);
            }
          });
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static JsonNode document(Path file) {
    List<JsonNode> documents = documents(file);
    if (documents.size() != 1) {
      throw new IllegalStateException(file + " holds " + documents.size() + " documents, not 1");
    }
    return documents.get(0);
  }

  /** An object node's fields as text (numbers and booleans as written). */
  static Map<String, String> texts(JsonNode object) {
    Map<String, String> values = new TreeMap<>();
    object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }
}
