package io.imagecontains.mturk;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.task.TaskJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a {@code @QuarkusTest} reads from the MTurk simulator its service talks to ({@code
 * mturk.endpoint}): the inspection API over HTTP ({@code /_sim/hits}, {@code /_sim/tasks}…).
 */
public final class SimulatorInspection {

  private SimulatorInspection() {}

  public static String endpoint() {
    return ConfigProvider.getConfig().getValue("mturk.endpoint", String.class);
  }

  /** {@code GET} of an inspection path, e.g. {@code /_sim/hits}, as JSON. */
  public static JsonNode get(String path) throws IOException, InterruptedException {
    return json(text(endpoint() + path).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** {@code GET} of any URL, as text. */
  public static String text(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  public static JsonNode json(byte[] bytes) {
    try {
      return TaskJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
