package io.imagecontains.task;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * Streaming writers for the two records written for every task — the command the ingress hands the
 * core and the view the core publishes (twice per test task). Databind's reflection on these
 * dominated the service's profile. The output is exactly what {@link TaskJson} writes (a test
 * compares the two), so readers cannot tell which wrote a record.
 */
public final class HotJson {

  private HotJson() {}

  public static byte[] command(TaskCommand c) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("action", c.action().wireName());
          g.writeStringField("function", c.function());
          g.writeStringField("taskName", c.taskName());
          if (c.input() != null) {
            g.writeFieldName("input");
            input(g, c.input());
          }
          if (c.commandId() != null) {
            g.writeStringField("commandId", c.commandId());
          }
          if (c.source() != null) {
            g.writeFieldName("source");
            source(g, c.source());
          }
          g.writeEndObject();
        });
  }

  public static byte[] view(TaskView v) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("taskName", v.taskName());
          g.writeFieldName("input");
          input(g, v.input());
          g.writeFieldName("problemDetails");
          if (v.problemDetails() == null) {
            g.writeNull();
          } else {
            g.writeStartObject();
            g.writeStringField("code", v.problemDetails().code());
            g.writeStringField("message", v.problemDetails().message());
            g.writeEndObject();
          }
          g.writeStringField("state", v.state().publicName());
          g.writeFieldName("result");
          if (v.result() == null) {
            g.writeNull();
          } else {
            g.writeStartObject();
            g.writeBooleanField("containsTarget", v.result().containsTarget());
            g.writeEndObject();
          }
          g.writeFieldName("details");
          details(g, v.details());
          g.writeEndObject();
        });
  }

  private static void details(JsonGenerator g, TaskView.Details d) throws IOException {
    if (d == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("function", d.function());
    g.writeStringField("createdAt", DateTimeFormatter.ISO_INSTANT.format(d.createdAt()));
    g.writeStringField("updatedAt", DateTimeFormatter.ISO_INSTANT.format(d.updatedAt()));
    if (d.answers() != null) {
      g.writeNumberField("answers", d.answers());
    }
    if (d.confidence() != null) {
      g.writeNumberField("confidence", d.confidence());
    }
    g.writeEndObject();
  }

  private static void input(JsonGenerator g, TaskInput input) throws IOException {
    g.writeStartObject();
    g.writeFieldName("image");
    g.writeStartObject();
    g.writeStringField("url", input.image().url());
    g.writeEndObject();
    g.writeFieldName("target");
    g.writeStartObject();
    g.writeStringField("label", input.target().label());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void source(JsonGenerator g, Source s) throws IOException {
    g.writeStartObject();
    if (s.via() != null) {
      g.writeStringField("via", s.via());
    }
    if (s.topic() != null) {
      g.writeStringField("topic", s.topic());
    }
    if (s.partition() != null) {
      g.writeNumberField("partition", s.partition());
    }
    if (s.offset() != null) {
      g.writeNumberField("offset", s.offset());
    }
    if (s.key() != null) {
      g.writeStringField("key", s.key());
    }
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(512);
        JsonGenerator g = TaskJson.MAPPER.getFactory().createGenerator(out)) {
      body.write(g);
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
  }
}
