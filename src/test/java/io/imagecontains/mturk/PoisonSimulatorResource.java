package io.imagecontains.mturk;

import com.sun.net.httpserver.HttpServer;
import io.imagecontains.workforce.SimulatorSettings;
import io.imagecontains.workforce.WorkforceServer;
import io.imagecontains.workforce.crowd.AnswerPoison;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MTurk simulator with a crowd of which some groups send only poison (malformed XML, answers
 * other than yes/no, XXE payloads; {@code simulator/poison-crowd.json}), and a local HTTP server
 * the XXE payloads point at, which counts every request it gets: a parser that resolved an external
 * entity would show up there. {@code GET /count} on it answers the count (and is not counted); its
 * address is the config value {@value #RECORDER}.
 */
public class PoisonSimulatorResource implements QuarkusTestResourceLifecycleManager {

  static final String RECORDER = "poison.xxe-recorder";

  private WorkforceServer server;
  private HttpServer recorder;

  @Override
  public Map<String, String> start() {
    System.getProperties().putIfAbsent("aws.accessKeyId", "AKIDSIMULATOR");
    System.getProperties().putIfAbsent("aws.secretAccessKey", "not-a-secret");
    String recorderUrl = startRecorder();
    server =
        WorkforceServer.start(
            SimulatorSettings.defaults()
                .withPort(0)
                .withCrowdFile(Path.of("src/test/resources/simulator/poison-crowd.json"))
                .withPoison(AnswerPoison.NONE.withXxeTarget(recorderUrl + "/xxe")));
    return Map.of("mturk.endpoint", server.endpoint().toString(), RECORDER, recorderUrl);
  }

  private String startRecorder() {
    AtomicInteger hits = new AtomicInteger();
    try {
      recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    recorder.createContext(
        "/",
        exchange -> {
          byte[] body =
              exchange.getRequestURI().getPath().equals("/count")
                  ? String.valueOf(hits.get()).getBytes(StandardCharsets.UTF_8)
                  : ("<!-- hit " + hits.incrementAndGet() + " -->")
                      .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    recorder.start();
    return "http://127.0.0.1:" + recorder.getAddress().getPort();
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
    if (recorder != null) {
      recorder.stop(0);
    }
  }
}
