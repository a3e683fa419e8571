package io.imagecontains.ingress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the configured {@link RequestParser} injectable. */
@ApplicationScoped
public class RequestParsers {

  @Produces
  @ApplicationScoped
  RequestParser requestParser(IngressConfig config) {
    return new RequestParser(config.maxRecordBytes(), config::enabled);
  }
}
