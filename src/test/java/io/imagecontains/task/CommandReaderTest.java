package io.imagecontains.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The core's streaming command reader reads what databind reads, from any writer's JSON. */
class CommandReaderTest {

  @Test
  void readsBackEveryCommandAsWritten() {
    TaskSamples samples = new TaskSamples(new Random(42));
    for (int i = 0; i < 3000; i++) {
      TaskCommand command = samples.command();
      byte[] json = HotJson.command(command);
      assertThat(CommandReader.read(json)).as("command %s", command).isEqualTo(command);
      assertThat(CommandReader.read(json)).isEqualTo(TaskJson.read(json, TaskCommand.class));
    }
  }

  @Test
  void readsOtherFieldOrdersNullsAndUnknownFieldsAsDatabindDoes() {
    String[] documents = {
      "{\"taskName\":\"t\",\"extra\":{\"a\":[1,{\"b\":null}]},\"function\":\"image-contains-test\","
          + "\"input\":{\"target\":{\"label\":\"dog\",\"x\":1},\"image\":{\"url\":\"https://x/a\"}},"
          + "\"action\":\"put\",\"source\":{\"offset\":12345678901,\"partition\":2,\"via\":\"kafka\"}}",
      "{\"action\":\"delete\",\"function\":\"f\",\"taskName\":\"t\",\"input\":null,\"source\":null}",
      "{\"action\":null,\"function\":null,\"input\":{\"image\":null}}",
      "{\"input\":{},\"source\":{\"partition\":null,\"offset\":null,\"key\":null}}",
      "{}"
    };
    for (String document : documents) {
      byte[] json = document.getBytes(StandardCharsets.UTF_8);
      assertThat(CommandReader.read(json))
          .as(document)
          .isEqualTo(TaskJson.read(json, TaskCommand.class));
    }
  }

  @Test
  void refusesWhatIsNotACommand() {
    assertThatThrownBy(() -> CommandReader.read(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommandReader.read(bytes("{\"action\":")))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> CommandReader.read(bytes("[1]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommandReader.read(bytes("{\"action\":\"PUT\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown action");
    assertThatThrownBy(() -> CommandReader.read(bytes("{\"taskName\":{\"a\":1}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskName");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
