package io.imagecontains.api;

import io.imagecontains.auth.ApiKeys;
import io.imagecontains.auth.AuthConfig;
import io.imagecontains.core.TaskTopology;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskJson;
import io.imagecontains.task.TaskKey;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds a task in the core's {@code tasks} store through Kafka Streams interactive queries: from
 * this instance's store when it owns the task's partition, else from the instance that does (over
 * HTTP, {@link InternalTaskResource}). So any replica answers for any task. While access control is
 * on, the call carries this instance's first API key: every replica has the same keys.
 */
@ApplicationScoped
public class TaskLookup {

  private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient http;
  private final Optional<String> credential;

  public TaskLookup(
      KafkaStreams streams,
      @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer,
      AuthConfig auth) {
    this.streams = streams;
    this.self = HostInfo.buildFromEndpoint(applicationServer);
    this.http = HttpClient.newBuilder().connectTimeout(REMOTE_TIMEOUT).build();
    this.credential =
        auth.enabled()
            ? ApiKeys.given(auth.apiKeys().orElse(List.of())).stream().findFirst()
            : Optional.empty();
  }

  /** The task, from whichever instance owns it. */
  public Uni<Optional<Task>> find(TaskKey key) {
    return Uni.createFrom()
        .item(() -> owner(key))
        .chain(owner -> owner.activeHost().equals(self) ? local(key, owner) : remote(owner, key));
  }

  /** The task from this instance's store; refused when another instance owns it. */
  public Uni<Optional<Task>> findHere(TaskKey key) {
    return Uni.createFrom()
        .item(() -> owner(key))
        .chain(
            owner -> {
              if (!owner.activeHost().equals(self)) {
                throw ProblemException.unavailable("this instance no longer owns the task");
              }
              return local(key, owner);
            });
  }

  private KeyQueryMetadata owner(TaskKey key) {
    KeyQueryMetadata owner;
    try {
      owner =
          streams.queryMetadataForKey(
              TaskTopology.TASKS_STORE, key.toString(), Serdes.String().serializer());
    } catch (IllegalStateException | InvalidStateStoreException e) {
      throw ProblemException.unavailable("the task store is starting: " + e.getMessage());
    }
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw ProblemException.unavailable("the task store is rebalancing; retry shortly");
    }
    return owner;
  }

  /** A store read may touch disk (RocksDB), so it runs off the event loop. */
  private Uni<Optional<Task>> local(TaskKey key, KeyQueryMetadata owner) {
    return Uni.createFrom()
        .item(() -> read(key, owner.partition()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  /** Both finding the store and reading it fail while the partition moves or restores. */
  private Optional<Task> read(TaskKey key, int partition) {
    try {
      ReadOnlyKeyValueStore<String, Task> store =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                      TaskTopology.TASKS_STORE, QueryableStoreTypes.<String, Task>keyValueStore())
                  .withPartition(partition));
      return Optional.ofNullable(store.get(key.toString()));
    } catch (InvalidStateStoreException e) {
      throw ProblemException.unavailable("the task store is not ready: " + e.getMessage());
    }
  }

  private Uni<Optional<Task>> remote(KeyQueryMetadata owner, TaskKey key) {
    HostInfo host = owner.activeHost();
    URI uri =
        URI.create(
            "http://"
                + host.host()
                + ":"
                + host.port()
                + InternalTaskResource.PATH_PREFIX
                + key.function()
                + "/"
                + key.taskName());
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REMOTE_TIMEOUT).GET();
    credential.ifPresent(apiKey -> request.header("Authorization", "Bearer " + apiKey));
    return Uni.createFrom()
        .completionStage(
            () -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()))
        .onFailure()
        .transform(
            e -> ProblemException.unavailable("the task's owner " + host + " is unreachable"))
        .map(response -> fromOwner(response, host));
  }

  private static Optional<Task> fromOwner(HttpResponse<byte[]> response, HostInfo host) {
    return switch (response.statusCode()) {
      case 200 -> Optional.of(TaskJson.read(response.body(), Task.class));
      case 404 -> Optional.empty();
      default ->
          throw ProblemException.unavailable(
              "the task's owner " + host + " answered " + response.statusCode());
    };
  }
}
