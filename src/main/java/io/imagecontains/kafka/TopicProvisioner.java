package io.imagecontains.kafka;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the service's topics when they are missing, before the core starts: Kafka Streams waits
 * for its source topics but never creates them, and broker auto-creation would make the results
 * topic uncompacted with one partition. An existing topic is left as it is, with a warning when its
 * partition count differs from {@code topics.partitions}.
 */
@ApplicationScoped
public class TopicProvisioner {

  private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
  private static final long TIMEOUT_SECONDS = 60;

  private final TopicsConfig topics;
  private final Map<String, Object> kafkaConfig;

  public TopicProvisioner(
      TopicsConfig topics, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.topics = topics;
    this.kafkaConfig = kafkaConfig;
  }

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (topics.create()) {
      provision();
    }
  }

  /** The topics this service needs, with the settings each one must have. */
  List<NewTopic> wanted() {
    Optional<Short> replication = topics.replicationFactor();
    Optional<Integer> partitions = Optional.of(topics.partitions());
    return List.of(
        new NewTopic(topics.requests(), partitions, replication),
        new NewTopic(topics.commands(), partitions, replication),
        new NewTopic(topics.results(), partitions, replication)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new NewTopic(topics.rejections(), partitions, replication),
        new NewTopic(topics.hitCommands(), partitions, replication),
        new NewTopic(topics.hitEvents(), partitions, replication));
  }

  void provision() throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = Admin.create(adminConfig())) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<NewTopic> missing =
          wanted().stream().filter(t -> !existing.contains(t.name())).collect(Collectors.toList());
      for (NewTopic topic : missing) {
        create(admin, topic);
      }
      warnAboutPartitions(admin, existing);
    }
  }

  private void create(Admin admin, NewTopic topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.infof("Created topic %s (%s)", topic.name(), topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // another instance creating it at the same moment is fine; anything else is not
      }
    }
  }

  private void warnAboutPartitions(Admin admin, Set<String> existing)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<String> ours = wanted().stream().map(NewTopic::name).filter(existing::contains).toList();
    if (ours.isEmpty()) {
      return;
    }
    Map<String, TopicDescription> described =
        admin.describeTopics(ours).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    described.forEach(
        (name, description) -> {
          if (description.partitions().size() != topics.partitions()) {
            LOG.warnf(
                "Topic %s has %d partitions, topics.partitions is %d; keeping the topic as it is",
                name, description.partitions().size(), topics.partitions());
          }
        });
  }

  private Map<String, Object> adminConfig() {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.putIfAbsent("client.id", "image-contains-topic-provisioner");
    return config;
  }
}
