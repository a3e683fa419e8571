package io.imagecontains.core;

import io.imagecontains.kafka.TopicsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The core's Kafka Streams topology: task-commands → {@link TaskProcessor} (store {@value
 * #TASKS_STORE}) → results and rejections topics.
 */
@ApplicationScoped
public class TaskTopology {

  /** Every task by {@code function/taskName}; REST GET reads it through interactive queries. */
  public static final String TASKS_STORE = "tasks";

  static final String COMMANDS_SOURCE = "task-commands";
  static final String PROCESSOR = "task-processor";
  static final String RESULTS_SINK = "results";
  static final String REJECTIONS_SINK = "rejections";

  @Produces
  Topology topology(TopicsConfig topics, MeterRegistry registry) {
    return build(topics, new TaskMetrics(registry));
  }

  public static Topology build(TopicsConfig topics, TaskMetrics metrics) {
    Topology topology = new Topology();
    topology.addSource(
        COMMANDS_SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        topics.commands());
    topology.addProcessor(PROCESSOR, () -> new TaskProcessor(metrics), COMMANDS_SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TASKS_STORE), Serdes.String(), TaskSerde.create()),
        PROCESSOR);
    topology.addSink(
        RESULTS_SINK,
        topics.results(),
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        PROCESSOR);
    topology.addSink(
        REJECTIONS_SINK,
        topics.rejections(),
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        PROCESSOR);
    return topology;
  }
}
