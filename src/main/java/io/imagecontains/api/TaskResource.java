package io.imagecontains.api;

import io.imagecontains.core.TaskTransitions;
import io.imagecontains.ingress.RequestMetrics;
import io.imagecontains.ingress.RequestParser;
import io.imagecontains.ingress.TaskCommandSender;
import io.imagecontains.task.RefusalCode;
import io.imagecontains.task.Rejection;
import io.imagecontains.task.Source;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskKey;
import io.imagecontains.task.TaskView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The seed's REST pattern: {@code PUT|GET|DELETE /functions/{function}/tasks/{taskName}}. Writes go
 * through the same validation and the same core as the Kafka interface; a write answers once the
 * core has applied it, so a GET right after it finds what it did.
 */
@Path("/functions/{function}/tasks/{taskName}")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

  private final RequestParser parser;
  private final TaskCommandSender commands;
  private final TaskLookup lookup;
  private final TaskWrites writes;
  private final RequestMetrics metrics;
  private final Clock clock;

  public TaskResource(
      RequestParser parser,
      TaskCommandSender commands,
      TaskLookup lookup,
      TaskWrites writes,
      RequestMetrics metrics,
      Clock clock) {
    this.parser = parser;
    this.commands = commands;
    this.lookup = lookup;
    this.writes = writes;
    this.metrics = metrics;
    this.clock = clock;
  }

  @PUT
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Create a task",
      description =
          "201 with the new task; 200 when the task exists with the same input; 400 for invalid"
              + " or conflicting input; 404 for an unknown function.")
  public Uni<Response> put(
      @PathParam("function") String function, @PathParam("taskName") String taskName, byte[] body) {
    TaskCommand command =
        accepted(parser.parsePut(function, taskName, body, newCommandId(), clock.millis()));
    return writes
        .current(command.key())
        .chain(
            existing ->
                existing.isPresent()
                    ? Uni.createFrom().item(answerExisting(existing.get(), command))
                    : create(command));
  }

  @GET
  @Operation(summary = "Get a task", description = "200 with the task; 404 when there is none.")
  public Uni<TaskView> get(
      @PathParam("function") String function, @PathParam("taskName") String taskName) {
    TaskKey key = validKey(function, taskName);
    return lookup.find(key).map(task -> TaskView.of(task.orElseThrow(() -> notFound(key))));
  }

  @DELETE
  @Operation(
      summary = "Delete a finished task",
      description = "204 when deleted; 404 when there is none; 409 while it is processing.")
  public Uni<Response> delete(
      @PathParam("function") String function, @PathParam("taskName") String taskName) {
    TaskCommand command =
        accepted(parser.parseDelete(function, taskName, newCommandId(), clock.millis()));
    return writes.current(command.key()).chain(existing -> deleteFinished(command, existing));
  }

  private Uni<Response> create(TaskCommand command) {
    return commands
        .send(command)
        .chain(() -> writes.awaitStore(command.key(), Optional::isPresent))
        .map(
            found -> {
              Task task = found.orElseThrow();
              if (!command.commandId().equals(task.createdBy())) {
                return answerExisting(task, command); // another request created it first
              }
              return Response.created(location(command.key())).entity(TaskView.of(task)).build();
            });
  }

  private Uni<Response> deleteFinished(TaskCommand command, Optional<Task> current) {
    refuseAsTheCoreWould(current.orElse(null), command);
    Task existing = current.orElseThrow();
    Predicate<Optional<Task>> gone =
        found -> found.isEmpty() || !found.get().createdBy().equals(existing.createdBy());
    return commands
        .send(command)
        .chain(() -> writes.awaitStore(command.key(), gone))
        .map(found -> Response.noContent().build());
  }

  private Response answerExisting(Task existing, TaskCommand command) {
    refuseAsTheCoreWould(existing, command);
    return Response.ok(TaskView.of(existing)).build();
  }

  /**
   * Answers at once what the core would refuse, by the core's own rules (conflicting input, delete
   * while processing or of nothing), so REST and Kafka refuse alike, with the same words.
   */
  private void refuseAsTheCoreWould(Task existing, TaskCommand command) {
    Rejection refusal = TaskTransitions.apply(existing, command, clock.millis()).rejection();
    if (refusal != null) {
      throw problem(refusal);
    }
  }

  private TaskKey validKey(String function, String taskName) {
    return accepted(parser.parseDelete(function, taskName, newCommandId(), clock.millis())).key();
  }

  private TaskCommand accepted(RequestParser.Outcome outcome) {
    if (outcome instanceof RequestParser.Accepted accepted) {
      metrics.accepted(Source.REST);
      return accepted.command();
    }
    Rejection rejection = ((RequestParser.Rejected) outcome).rejection();
    metrics.refused(Source.REST, rejection.code());
    throw problem(rejection);
  }

  private static ProblemException problem(Rejection rejection) {
    return new ProblemException(
        rejection.code().httpStatus(),
        rejection.code().code(),
        rejection.message(),
        rejection.field());
  }

  private static ProblemException notFound(TaskKey key) {
    return ProblemException.of(
        RefusalCode.TASK_NOT_FOUND, "task '" + key.taskName() + "' does not exist");
  }

  private static URI location(TaskKey key) {
    return URI.create("/functions/" + key.function() + "/tasks/" + key.taskName());
  }

  private static String newCommandId() {
    return "rest-" + UUID.randomUUID();
  }
}
