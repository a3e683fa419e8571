package io.imagecontains.auth;

import io.imagecontains.api.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused credentials with RFC 9457 problem documents like every other refusal of the API:
 * 401 (no credential, or one that is not valid) with {@code WWW-Authenticate: Bearer}, 403 (valid,
 * but not allowed). The detail never echoes what was sent.
 */
public class AuthProblems {

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized() {
    return Response.status(401)
        .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyMechanism.CHALLENGE)
        .type(Problem.MEDIA_TYPE)
        .entity(
            problem(
                401,
                "Unauthorized",
                "this call needs a valid credential: Authorization: Bearer <API key or token>"))
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return Response.status(403)
        .type(Problem.MEDIA_TYPE)
        .entity(problem(403, "Forbidden", "the credential is valid but not allowed this call"))
        .build();
  }

  private static Problem problem(int status, String code, String detail) {
    return new Problem("urn:image-contains:problem:" + code, code, status, detail, code, null);
  }
}
