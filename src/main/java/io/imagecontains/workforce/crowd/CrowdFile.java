package io.imagecontains.workforce.crowd;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a crowd file (JSON, see {@code docs/simulator.md}); the default one ships on the classpath.
 */
public final class CrowdFile {
  /** Classpath location of the crowd used when {@code simulator.crowd-file} is not set. */
  public static final String DEFAULT_RESOURCE = "/simulator/default-crowd.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private CrowdFile() {}

  public static CrowdSpec load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read crowd file " + file, e);
    }
  }

  public static CrowdSpec loadDefault() {
    try (InputStream in = CrowdFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      return parse(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  public static CrowdSpec parse(InputStream in, String origin) throws IOException {
    try {
      return JSON.readValue(in, CrowdSpec.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid crowd file " + origin + ": " + e.getMessage(), e);
    }
  }
}
