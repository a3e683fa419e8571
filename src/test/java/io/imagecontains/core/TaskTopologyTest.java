package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.adjudication.Adjudicator;
import io.imagecontains.kafka.TopicsConfig;
import io.imagecontains.task.Source;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskCommand.Action;
import io.imagecontains.task.TaskInput;
import io.imagecontains.task.TaskJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core's task lifecycle, through the real topology without a broker. */
class TaskTopologyTest {

  static final TopicsConfig TOPICS =
      new TopicsConfig() {
        public String requests() {
          return "requests";
        }

        public String commands() {
          return "commands";
        }

        public String results() {
          return "results";
        }

        public String rejections() {
          return "rejections";
        }

        public String hitCommands() {
          return "hit-commands";
        }

        public String hitEvents() {
          return "hit-events";
        }

        public int partitions() {
          return 1;
        }

        public Optional<Short> replicationFactor() {
          return Optional.empty();
        }

        public boolean create() {
          return false;
        }
      };

  private static final TaskInput DOG = TaskInput.of("https://example.com/a.jpg", "dog");
  private static final TaskInput CAT = TaskInput.of("https://example.com/a.jpg", "cat");

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> commands;
  private TestOutputTopic<String, byte[]> results;
  private TestOutputTopic<String, byte[]> rejections;
  private int sequence;

  @BeforeEach
  void start() throws IOException {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "streams-test")), "tasks")
            .toString());
    driver = new TopologyTestDriver(TaskTopology.build(TOPICS, wiring()), props);
    commands =
        driver.createInputTopic(
            "commands", Serdes.String().serializer(), Serdes.ByteArray().serializer());
    results =
        driver.createOutputTopic(
            "results", Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    rejections =
        driver.createOutputTopic(
            "rejections", Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  static CoreWiring wiring() {
    HitLifecycle lifecycle =
        new HitLifecycle(new Adjudicator(HitLifecycleTest.TRUSTING), HitLifecycleTest.SETTINGS);
    return new CoreWiring(
        lifecycle,
        null,
        new TaskMetrics(new SimpleMeterRegistry()),
        "hit-events",
        Duration.ofSeconds(1),
        100);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aTestTaskIsPublishedProcessingThenCompletedWithAResult() {
    send(put("image-contains-test", "t1", DOG));

    List<KeyValue<String, byte[]>> views = results.readKeyValuesToList();
    assertThat(views).extracting(kv -> kv.key).containsOnly("image-contains-test/t1");
    assertThat(views)
        .extracting(kv -> json(kv.value).get("state").asText())
        .containsExactly("processing", "completed");
    JsonNode completed = json(views.get(1).value);
    assertThat(completed.get("result").get("containsTarget").isBoolean()).isTrue();
    assertThat(completed.get("problemDetails").isNull()).isTrue();
    assertThat(completed.get("input").get("target").get("label").asText()).isEqualTo("dog");
    assertThat(completed.get("taskName").asText()).isEqualTo("t1");
  }

  @Test
  void aRealTaskStaysProcessing() {
    send(put("image-contains", "r1", DOG));

    List<byte[]> views = results.readValuesToList();
    assertThat(views).hasSize(1);
    assertThat(json(views.get(0)).get("state").asText()).isEqualTo("processing");
    assertThat(json(views.get(0)).get("result").isNull()).isTrue();
  }

  @Test
  void thePutOfTheSameInputAgainChangesNothing() {
    send(put("image-contains-test", "t1", DOG));
    results.readValuesToList();

    send(put("image-contains-test", "t1", DOG));

    assertThat(results.isEmpty()).isTrue();
    assertThat(rejections.isEmpty()).isTrue();
  }

  @Test
  void aPutOfADifferentInputIsRefusedAndTheTaskKept() {
    send(put("image-contains-test", "t1", DOG));
    byte[] before = results.readValuesToList().get(1);

    send(put("image-contains-test", "t1", CAT));

    assertThat(results.isEmpty()).isTrue();
    KeyValue<String, byte[]> rejection = rejections.readKeyValue();
    assertThat(rejection.key).isEqualTo("image-contains-test/t1");
    JsonNode refused = json(rejection.value);
    assertThat(refused.get("code").asText()).isEqualTo("ConflictingInput");
    assertThat(refused.get("record").get("input").get("target").get("label").asText())
        .isEqualTo("cat");
    assertThat(refused.get("source").get("offset").asLong()).isEqualTo(1);
    assertThat(storedLabel("image-contains-test/t1")).isEqualTo("dog");
    assertThat(json(before).get("state").asText()).isEqualTo("completed");
  }

  @Test
  void deletingAFinishedTaskPublishesATombstoneAndFreesTheName() {
    send(put("image-contains-test", "t1", DOG));
    results.readValuesToList();

    send(delete("image-contains-test", "t1"));

    KeyValue<String, byte[]> tombstone = results.readKeyValue();
    assertThat(tombstone.key).isEqualTo("image-contains-test/t1");
    assertThat(tombstone.value).isNull();
    assertThat(driver.getKeyValueStore(TaskTopology.TASKS_STORE).get("image-contains-test/t1"))
        .isNull();

    send(put("image-contains-test", "t1", CAT));

    assertThat(results.readValuesToList())
        .extracting(v -> json(v).get("state").asText())
        .containsExactly("processing", "completed");
    assertThat(rejections.isEmpty()).isTrue();
  }

  @Test
  void deletingAProcessingTaskIsRefused() {
    send(put("image-contains", "r1", DOG));
    results.readValuesToList();

    send(delete("image-contains", "r1"));

    assertThat(results.isEmpty()).isTrue();
    assertThat(json(rejections.readValue()).get("code").asText()).isEqualTo("TaskStillProcessing");
    assertThat(storedLabel("image-contains/r1")).isEqualTo("dog");
  }

  @Test
  void deletingAnUnknownTaskIsRefused() {
    send(delete("image-contains-test", "nope"));

    JsonNode refused = json(rejections.readValue());
    assertThat(refused.get("code").asText()).isEqualTo("TaskNotFound");
    assertThat(refused.get("record").get("action").asText()).isEqualTo("delete");
    assertThat(results.isEmpty()).isTrue();
  }

  @Test
  void anUnreadableCommandIsSkippedAndTheNextOneProcessed() {
    commands.pipeInput("garbage", "not json".getBytes());
    commands.pipeInput("nothing", (byte[]) null);
    send(put("image-contains-test", "t2", DOG));

    assertThat(results.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("image-contains-test/t2", "image-contains-test/t2");
  }

  @Test
  void mockResultsAreNotAllTheSame() {
    for (int i = 0; i < 40; i++) {
      send(put("image-contains-test", "m" + i, DOG));
    }
    List<Boolean> answers =
        results.readValuesToList().stream()
            .map(this::json)
            .filter(v -> v.get("state").asText().equals("completed"))
            .map(v -> v.get("result").get("containsTarget").asBoolean())
            .toList();
    assertThat(answers).hasSize(40).contains(true, false);
  }

  private String storedLabel(String key) {
    Object stored = driver.getKeyValueStore(TaskTopology.TASKS_STORE).get(key);
    return ((io.imagecontains.task.Task) stored).input().target().label();
  }

  private TaskCommand put(String function, String name, TaskInput input) {
    return new TaskCommand(Action.PUT, function, name, input, "c" + sequence, source());
  }

  private TaskCommand delete(String function, String name) {
    return new TaskCommand(Action.DELETE, function, name, null, "c" + sequence, source());
  }

  private Source source() {
    return new Source(Source.KAFKA, "requests", 0, (long) sequence, null);
  }

  private void send(TaskCommand command) {
    commands.pipeInput(command.key().toString(), TaskJson.write(command));
    sequence++;
  }

  private JsonNode json(byte[] bytes) {
    try {
      return TaskJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
