package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.TaskJson;
import io.imagecontains.task.TaskMdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/**
 * What the core logs about a task carries the task's key in the MDC (a field of every JSON log line
 * in prod), and only while it handles that task.
 */
class TaskLogContextTest {

  private static final String KEY = "image-contains/gone";

  /** Lines as the log sees them: the message and the MDC's task key at that moment. */
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(MDC.get(TaskMdc.KEY) + " | " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @Test
  void aLineAboutATaskCarriesItsKeyAndNothingLeaksPastIt() throws Exception {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "log-context-test");
    props.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Files.createTempDirectory(Files.createDirectories(Path.of("target", "streams-test")), "log")
            .toString());
    Logger processorLog = Logger.getLogger(TaskProcessor.class.getName());
    processorLog.addHandler(capture);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            TaskTopology.build(TaskTopologyTest.TOPICS, TaskTopologyTest.wiring()), props)) {
      // An event for a task that does not exist: the core logs a warning about it.
      driver
          .createInputTopic(
              "hit-events", Serdes.String().serializer(), Serdes.ByteArray().serializer())
          .pipeInput(KEY, TaskJson.write(new HitEvent.HitDeleted(KEY, "HIT1")));
    } finally {
      processorLog.removeHandler(capture);
    }
    assertThat(lines).anyMatch(line -> line.startsWith(KEY + " | HIT event for a task"));
    assertThat(MDC.get(TaskMdc.KEY)).isNull();
  }
}
