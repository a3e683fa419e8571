package io.imagecontains.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON codec of everything this service writes to Kafka (commands, task state, views,
 * rejections). One mapper so every topic agrees on formats; timestamps as ISO-8601 text as the REST
 * API writes them.
 */
public final class TaskJson {

  public static final ObjectMapper MAPPER = create();

  private static ObjectMapper create() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Older state written by an older version must stay readable after an upgrade.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (!"runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"))) {
      // Reflection dominated the service's profile; a native image cannot generate classes.
      mapper.registerModule(new BlackbirdModule());
    }
    return mapper;
  }

  private TaskJson() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName(), e);
    }
  }
}
