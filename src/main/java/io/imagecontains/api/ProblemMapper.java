package io.imagecontains.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every {@link ProblemException} with its problem document. */
public class ProblemMapper {

  @ServerExceptionMapper
  public Response toProblem(ProblemException e) {
    Response.ResponseBuilder response =
        Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(Problem.of(e));
    if (e.status() == 503) {
      response.header("Retry-After", "1");
    }
    return response.build();
  }
}
