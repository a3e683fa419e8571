package io.imagecontains.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>} and asks the identity providers (here {@link
 * ApiKeyIdentityProvider}) who it is. Without a bearer token the request is anonymous; whether
 * anonymous is enough is decided by the path permissions in application.properties.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

  /** What a 401 carries, as RFC 6750 asks of bearer-token resources. */
  public static final String CHALLENGE = "Bearer";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    Optional<String> token = ApiKeys.bearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (token.isEmpty()) {
      return Uni.createFrom().optional(Optional.empty());
    }
    TokenAuthenticationRequest request =
        new TokenAuthenticationRequest(new TokenCredential(token.get(), "bearer"));
    return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(
            new HttpCredentialTransport(
                HttpCredentialTransport.Type.AUTHORIZATION, CHALLENGE.toLowerCase()));
  }
}
