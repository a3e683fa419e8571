package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.mturk.HitCommand;
import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.Source;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskCommand.Action;
import io.imagecontains.task.TaskInput;
import io.imagecontains.task.TaskJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@code image-contains} task through the real topology: the core asks for a HIT, polls it when
 * its wake-up time comes (the wall clock is moved, never slept on), decides and cleans up.
 */
class HitFlowTopologyTest {

  private static final String KEY = "image-contains/t1";
  private static final TaskCommand PUT =
      new TaskCommand(
          Action.PUT,
          "image-contains",
          "t1",
          TaskInput.of("https://x.org/a.jpg", "dog"),
          "c1",
          new Source(Source.KAFKA, "requests", 0, 0L, null));

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> commands;
  private TestInputTopic<String, byte[]> events;
  private TestOutputTopic<String, byte[]> results;
  private TestOutputTopic<String, byte[]> hitCommands;
  private final Instant start = Instant.parse("2026-11-27T00:00:00Z");

  @BeforeEach
  void start() throws IOException {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hit-flow-test");
    props.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "streams-test")), "hits")
            .toString());
    driver =
        new TopologyTestDriver(
            TaskTopology.build(TaskTopologyTest.TOPICS, TaskTopologyTest.wiring()), props, start);
    commands =
        driver.createInputTopic(
            "commands", Serdes.String().serializer(), Serdes.ByteArray().serializer());
    events =
        driver.createInputTopic(
            "hit-events", Serdes.String().serializer(), Serdes.ByteArray().serializer());
    results =
        driver.createOutputTopic(
            "results", Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    hitCommands =
        driver.createOutputTopic(
            "hit-commands", Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aRealTaskGetsOneHitIsPolledOnTimeDecidedAndCleanedUp() {
    commands.pipeInput(KEY, TaskJson.write(PUT));

    assertThat(states()).containsExactly("processing");
    HitCommand.CreateHit create =
        (HitCommand.CreateHit)
            hitCommands.readValuesToList().stream().map(this::command).findFirst().orElseThrow();
    assertThat(create.taskKey()).isEqualTo(KEY);

    events.pipeInput(
        KEY,
        TaskJson.write(
            new HitEvent.HitCreated(
                KEY, "HIT1", create.maxAssignments(), start.plusSeconds(3600).toEpochMilli())));
    assertThat(hitCommands.isEmpty()).isTrue();

    driver.advanceWallClockTime(Duration.ofSeconds(5));
    assertThat(hitCommands.isEmpty()).isTrue(); // the first poll is due after 10 s
    driver.advanceWallClockTime(Duration.ofSeconds(6));
    assertThat(commandTypes()).containsExactly("ListAssignments");

    List<HitEvent.WorkerAnswer> answers = new ArrayList<>();
    for (int i = 0; i < create.maxAssignments(); i++) {
      answers.add(new HitEvent.WorkerAnswer("A" + i, "W" + i, false, null, "Submitted", 0));
    }
    events.pipeInput(KEY, TaskJson.write(new HitEvent.AssignmentsListed(KEY, "HIT1", answers)));

    JsonNode completed = json(results.readValue());
    assertThat(completed.get("state").asText()).isEqualTo("completed");
    assertThat(completed.get("result").get("containsTarget").asBoolean()).isFalse();
    assertThat(completed.get("details").get("answers").asInt()).isEqualTo(create.maxAssignments());
    assertThat(commandTypes()).containsExactly("Approve");

    events.pipeInput(
        KEY,
        TaskJson.write(
            new HitEvent.Approved(
                KEY, "HIT1", answers.stream().map(HitEvent.WorkerAnswer::assignmentId).toList())));
    assertThat(commandTypes()).containsExactly("DeleteHit");
    events.pipeInput(KEY, TaskJson.write(new HitEvent.HitDeleted(KEY, "HIT1")));

    driver.advanceWallClockTime(Duration.ofHours(2));
    assertThat(hitCommands.isEmpty()).isTrue(); // done: nothing more to ask
    assertThat(results.isEmpty()).isTrue();
  }

  @Test
  void aRepeatedPutCreatesNoSecondHit() {
    commands.pipeInput(KEY, TaskJson.write(PUT));
    commands.pipeInput(KEY, TaskJson.write(PUT));

    assertThat(commandTypes()).containsExactly("CreateHit");
  }

  @Test
  void withoutAnswerTheHitCreationIsRetriedWithTheSameToken() {
    commands.pipeInput(KEY, TaskJson.write(PUT));
    String token = ((HitCommand.CreateHit) command(hitCommands.readValue())).token();

    driver.advanceWallClockTime(Duration.ofSeconds(61));

    assertThat(((HitCommand.CreateHit) command(hitCommands.readValue())).token()).isEqualTo(token);
  }

  private List<String> states() {
    return results.readValuesToList().stream().map(v -> json(v).get("state").asText()).toList();
  }

  private List<String> commandTypes() {
    return hitCommands.readValuesToList().stream()
        .map(v -> command(v).getClass().getSimpleName())
        .toList();
  }

  private HitCommand command(byte[] value) {
    return TaskJson.read(value, HitCommand.class);
  }

  private JsonNode json(byte[] bytes) {
    try {
      return TaskJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
