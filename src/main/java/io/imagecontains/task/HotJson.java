package io.imagecontains.task;

import static io.imagecontains.task.JsonBytes.ascii;

/**
 * Streaming writers for the two records written for every task — the command the ingress hands the
 * core and the view the core publishes (twice per test task). Databind's reflection on these, then
 * Jackson's generator set-up, dominated the service's profile. The output is exactly what {@link
 * TaskJson} writes (a test compares the two), so readers cannot tell which wrote a record.
 */
public final class HotJson {

  private static final byte[] ACTION = ascii("{\"action\":");
  private static final byte[] FUNCTION = ascii(",\"function\":");
  private static final byte[] TASK_NAME = ascii(",\"taskName\":");
  private static final byte[] INPUT = ascii(",\"input\":");
  private static final byte[] COMMAND_ID = ascii(",\"commandId\":");
  private static final byte[] SOURCE = ascii(",\"source\":");
  private static final byte[] VIEW_TASK_NAME = ascii("{\"taskName\":");
  private static final byte[] PROBLEM_DETAILS = ascii(",\"problemDetails\":");
  private static final byte[] CODE = ascii("{\"code\":");
  private static final byte[] MESSAGE = ascii(",\"message\":");
  private static final byte[] STATE = ascii(",\"state\":");
  private static final byte[] RESULT = ascii(",\"result\":");
  private static final byte[] CONTAINS_TRUE = ascii("{\"containsTarget\":true}");
  private static final byte[] CONTAINS_FALSE = ascii("{\"containsTarget\":false}");
  private static final byte[] DETAILS = ascii(",\"details\":");
  private static final byte[] DETAILS_FUNCTION = ascii("{\"function\":");
  private static final byte[] CREATED_AT = ascii(",\"createdAt\":");
  private static final byte[] UPDATED_AT = ascii(",\"updatedAt\":");
  private static final byte[] ANSWERS = ascii(",\"answers\":");
  private static final byte[] CONFIDENCE = ascii(",\"confidence\":");
  private static final byte[] IMAGE_URL = ascii("{\"image\":{\"url\":");
  private static final byte[] TARGET_LABEL = ascii("},\"target\":{\"label\":");
  private static final byte[] CLOSE_INPUT = ascii("}}");
  private static final byte[] VIA = ascii("\"via\":");
  private static final byte[] TOPIC = ascii("\"topic\":");
  private static final byte[] PARTITION = ascii("\"partition\":");
  private static final byte[] OFFSET = ascii("\"offset\":");
  private static final byte[] KEY = ascii("\"key\":");
  private static final byte[] OPEN = ascii("{");
  private static final byte[] COMMA = ascii(",");
  private static final byte[] CLOSE = ascii("}");

  private HotJson() {}

  public static byte[] command(TaskCommand c) {
    JsonBytes out = new JsonBytes(384);
    out.raw(ACTION).string(c.action().wireName());
    out.raw(FUNCTION).string(c.function());
    out.raw(TASK_NAME).string(c.taskName());
    if (c.input() != null) {
      input(out.raw(INPUT), c.input());
    }
    if (c.commandId() != null) {
      out.raw(COMMAND_ID).string(c.commandId());
    }
    if (c.source() != null) {
      source(out.raw(SOURCE), c.source());
    }
    return out.raw(CLOSE).toByteArray();
  }

  public static byte[] view(TaskView v) {
    JsonBytes out = new JsonBytes(512);
    out.raw(VIEW_TASK_NAME).string(v.taskName());
    input(out.raw(INPUT), v.input());
    out.raw(PROBLEM_DETAILS);
    if (v.problemDetails() == null) {
      out.nullValue();
    } else {
      out.raw(CODE).string(v.problemDetails().code());
      out.raw(MESSAGE).string(v.problemDetails().message()).raw(CLOSE);
    }
    out.raw(STATE).string(v.state().publicName());
    out.raw(RESULT);
    if (v.result() == null) {
      out.nullValue();
    } else {
      out.raw(v.result().containsTarget() ? CONTAINS_TRUE : CONTAINS_FALSE);
    }
    details(out.raw(DETAILS), v.details());
    return out.raw(CLOSE).toByteArray();
  }

  private static void details(JsonBytes out, TaskView.Details d) {
    if (d == null) {
      out.nullValue();
      return;
    }
    out.raw(DETAILS_FUNCTION).string(d.function());
    out.raw(CREATED_AT).string(IsoInstant.format(d.createdAt()));
    out.raw(UPDATED_AT).string(IsoInstant.format(d.updatedAt()));
    if (d.answers() != null) {
      out.raw(ANSWERS).number(d.answers());
    }
    if (d.confidence() != null) {
      out.raw(CONFIDENCE).number(d.confidence());
    }
    out.raw(CLOSE);
  }

  private static void input(JsonBytes out, TaskInput input) {
    out.raw(IMAGE_URL).string(input.image().url());
    out.raw(TARGET_LABEL).string(input.target().label()).raw(CLOSE_INPUT);
  }

  private static void source(JsonBytes out, Source s) {
    out.raw(OPEN);
    boolean first = true;
    first = field(out, first, VIA, s.via());
    first = field(out, first, TOPIC, s.topic());
    if (s.partition() != null) {
      separate(out, first).raw(PARTITION).number(s.partition());
      first = false;
    }
    if (s.offset() != null) {
      separate(out, first).raw(OFFSET).number(s.offset());
      first = false;
    }
    field(out, first, KEY, s.key());
    out.raw(CLOSE);
  }

  /** Writes a string field when the value is present; answers whether nothing is written yet. */
  private static boolean field(JsonBytes out, boolean first, byte[] name, String value) {
    if (value == null) {
      return first;
    }
    separate(out, first).raw(name).string(value);
    return false;
  }

  private static JsonBytes separate(JsonBytes out, boolean first) {
    return first ? out : out.raw(COMMA);
  }
}
