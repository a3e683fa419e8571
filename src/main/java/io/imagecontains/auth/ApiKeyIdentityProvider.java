package io.imagecontains.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who an API key is: {@code api-key-<n>} (its position in {@code auth.api-keys}, never the key),
 * with the role {@value #ROLE}. A token that is none of the keys is passed on (a null identity) to
 * whatever other identity provider the service has, such as OIDC's for bearer tokens; when none
 * knows it, Quarkus fails the authentication: 401.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** Every API key has this role; OIDC tokens can be given it by mapping their groups. */
  public static final String ROLE = "user";

  private final ApiKeys keys;

  public ApiKeyIdentityProvider(AuthConfig config) {
    this.keys = ApiKeys.of(config.apiKeys().orElse(List.of()), AuthConfig.API_KEYS);
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    int key = keys.match(request.getToken().getToken());
    if (key == 0) {
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom()
        .item(
            QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("api-key-" + key))
                .addRole(ROLE)
                .build());
  }
}
