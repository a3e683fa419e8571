package io.imagecontains.workforce;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs of a running simulator's inspection API, as a test in another package makes them. */
public final class InspectionCalls {

  private InspectionCalls() {}

  /** {@code GET <simulator>/_sim/<what>}, with an {@code Authorization} header unless null. */
  public static HttpResponse<String> get(
      WorkforceServer simulator, String what, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.endpoint() + "/_sim/" + what)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
