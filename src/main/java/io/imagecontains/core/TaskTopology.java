package io.imagecontains.core;

import io.imagecontains.adjudication.AdjudicationSettings;
import io.imagecontains.adjudication.Adjudicator;
import io.imagecontains.adjudication.ExclusionRule;
import io.imagecontains.kafka.TopicsConfig;
import io.imagecontains.mturk.MTurkConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The core's Kafka Streams topology: task-commands and hit-events → {@link TaskProcessor} (stores
 * {@value #TASKS_STORE}, {@value #DUE_STORE}, {@value #WORKERS_STORE}) → results, rejections and
 * hit-commands topics.
 */
@ApplicationScoped
public class TaskTopology {

  /** Every task by {@code function/taskName}; REST GET reads it through interactive queries. */
  public static final String TASKS_STORE = "tasks";

  /** When each task with a HIT wakes up next (see {@link DueIndex}). */
  public static final String DUE_STORE = "due";

  /** What this partition learned about workers (see {@link WorkerBook}). */
  public static final String WORKERS_STORE = "workers";

  static final String COMMANDS_SOURCE = "task-commands";
  static final String HIT_EVENTS_SOURCE = "hit-events";
  static final String PROCESSOR = "task-processor";
  static final String RESULTS_SINK = "results";
  static final String REJECTIONS_SINK = "rejections";
  static final String HIT_COMMANDS_SINK = "hit-commands";

  /**
   * One topology per process: Quarkus looks the bean up more than once, and a second build would
   * register a second set of metrics whose gauges the registry ignores.
   */
  @Produces
  @Singleton
  Topology topology(
      TopicsConfig topics, CoreConfig core, MTurkConfig mturk, MeterRegistry registry) {
    return build(
        topics, wiring(topics, core, exclusion(mturk.exclusion()), new TaskMetrics(registry)));
  }

  /** Who to keep off future HITs, as {@code mturk.exclusion.*} says; null when turned off. */
  public static ExclusionRule exclusion(MTurkConfig.Exclusion config) {
    return config.enabled()
        ? new ExclusionRule(config.minAnswers(), config.maxWeight(), config.maxShare())
        : null;
  }

  public static CoreWiring wiring(
      TopicsConfig topics, CoreConfig core, ExclusionRule exclusion, TaskMetrics metrics) {
    LifecycleSettings settings =
        new LifecycleSettings(
            core.createRetry().toMillis(),
            core.giveUpCreating().toMillis(),
            core.cleanupInterval().toMillis(),
            core.expiryGrace().toMillis(),
            core.callTimeout().toMillis(),
            pollSchedule(core.poll()));
    HitLifecycle lifecycle = new HitLifecycle(new Adjudicator(adjudication(core)), settings);
    return new CoreWiring(
        lifecycle, exclusion, metrics, topics.hitEvents(), core.tick(), core.maxWakeupsPerTick());
  }

  /** Jitter spreads polls of tasks created together; it need not be reproducible here. */
  private static LifecycleSettings.PollSchedule pollSchedule(CoreConfig.Poll poll) {
    PollBackoff backoff = new PollBackoff(poll.initial(), poll.max(), poll.factor(), poll.jitter());
    return attempt -> backoff.delay(attempt, ThreadLocalRandom.current()).toMillis();
  }

  static AdjudicationSettings adjudication(CoreConfig core) {
    AdjudicationSettings d = AdjudicationSettings.defaults();
    CoreConfig.Adjudication a = core.adjudication();
    return new AdjudicationSettings(
        a.priorAccuracy().orElse(d.priorAccuracy()),
        d.planningAccuracy(),
        a.confidence().orElse(d.confidence()),
        a.maxAnswers().orElse(d.maxAnswers()),
        a.classPrior().orElse(d.classPrior()),
        d.priorStrength(),
        d.maxWorkerAccuracy(),
        a.windowAnswers().orElse(d.windowAnswers()),
        a.refitEvery().orElse(d.refitEvery()));
  }

  public static Topology build(TopicsConfig topics, CoreWiring wiring) {
    Topology topology = new Topology();
    topology.addSource(
        COMMANDS_SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        topics.commands());
    topology.addSource(
        HIT_EVENTS_SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        topics.hitEvents());
    topology.addProcessor(
        PROCESSOR, () -> new TaskProcessor(wiring), COMMANDS_SOURCE, HIT_EVENTS_SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TASKS_STORE), Serdes.String(), TaskSerde.create()),
        PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DUE_STORE), Serdes.String(), Serdes.String()),
        PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(WORKERS_STORE), Serdes.String(), Serdes.ByteArray()),
        PROCESSOR);
    addSink(topology, RESULTS_SINK, topics.results());
    addSink(topology, REJECTIONS_SINK, topics.rejections());
    addSink(topology, HIT_COMMANDS_SINK, topics.hitCommands());
    return topology;
  }

  private static void addSink(Topology topology, String name, String topic) {
    topology.addSink(
        name, topic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
  }
}
