package io.imagecontains.api;

import io.imagecontains.task.TaskJson;
import io.imagecontains.task.TaskKey;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Instance-to-instance read of a task this instance owns, as the full stored record (the public
 * view hides the bookkeeping that PUT needs). Not part of the public API.
 */
@Path(InternalTaskResource.PATH_PREFIX + "{function}/{taskName}")
public class InternalTaskResource {

  static final String PATH_PREFIX = "/internal/tasks/";

  private final TaskLookup lookup;

  public InternalTaskResource(TaskLookup lookup) {
    this.lookup = lookup;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Uni<Response> get(
      @PathParam("function") String function, @PathParam("taskName") String taskName) {
    return lookup
        .findHere(new TaskKey(function, taskName))
        .map(
            task ->
                task.map(t -> Response.ok(TaskJson.write(t)))
                    .orElseGet(() -> Response.status(404))
                    .build());
  }
}
