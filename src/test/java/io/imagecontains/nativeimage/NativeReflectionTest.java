package io.imagecontains.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No GraalVM can be installed on the build machines, so the native image is never built here. What
 * can be checked is that the reflection registration is complete: a type Jackson reaches but the
 * image does not keep fails only at run time, in production, on the first record of that shape.
 */
class NativeReflectionTest {

  /** What the service hands Jackson databind (TaskJson, the REST API, the simulator's files). */
  private static final Set<Class<?>> SERIALISED_ROOTS =
      Set.of(
          io.imagecontains.task.Task.class,
          io.imagecontains.task.TaskView.class,
          io.imagecontains.task.TaskCommand.class,
          io.imagecontains.task.Rejection.class,
          io.imagecontains.mturk.HitCommand.class,
          io.imagecontains.mturk.HitEvent.class,
          io.imagecontains.adjudication.WorkerReliability.class,
          io.imagecontains.core.ReadAnswer.class,
          io.imagecontains.api.Problem.class,
          io.imagecontains.workforce.crowd.CrowdSpec.class,
          io.imagecontains.workforce.inspect.HitSummary.class);

  private static final String MTURK_MODEL = "software.amazon.awssdk.services.mturk.model.";

  @Test
  void everyApplicationTypeJacksonReachesIsKept() throws Exception {
    assertThat(notKept(reachable(SERIALISED_ROOTS))).isEmpty();
  }

  @Test
  void everyMTurkModelClassTheCodeUsesIsKeptAndTheResponseOfEveryRequest() throws Exception {
    Set<String> used = mturkModelClassesReferenced();
    assertThat(used)
        .as("the scan sees the gateway's calls")
        .contains(MTURK_MODEL + "CreateHitRequest");
    Set<String> needed = new TreeSet<>(used);
    used.stream()
        .filter(n -> n.endsWith("Request"))
        .forEach(n -> needed.add(n.replaceFirst("Request$", "Response")));
    assertThat(notKept(needed)).isEmpty();
  }

  /** Names neither registered nor nested in a registered class (nested types are kept too). */
  private static Set<String> notKept(Set<String> names) throws ClassNotFoundException {
    Set<String> registered = registered();
    Set<String> missing = new TreeSet<>();
    for (String name : names) {
      String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
      if (!registered.contains(name) && !registered.contains(outer)) {
        missing.add(name);
      }
    }
    return missing;
  }

  private static Set<String> registered() throws ClassNotFoundException {
    RegisterForReflection r =
        Class.forName("io.imagecontains.NativeReflection")
            .getAnnotation(RegisterForReflection.class);
    assertThat(r.ignoreNested()).isFalse();
    Set<String> names = new TreeSet<>(Set.of(r.classNames()));
    Stream.of(r.targets()).forEach(c -> names.add(c.getName()));
    return names;
  }

  /** Roots and every application type their record components, subtypes and generics reach. */
  private static Set<String> reachable(Set<Class<?>> roots) {
    Set<String> seen = new TreeSet<>();
    Deque<Type> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Type type = todo.pop();
      if (type instanceof ParameterizedType p) {
        todo.addAll(java.util.List.of(p.getActualTypeArguments()));
        todo.push(p.getRawType());
        continue;
      }
      if (!(type instanceof Class<?> c) || !c.getName().startsWith("io.imagecontains.")) {
        continue;
      }
      if (!seen.add(c.getName())) {
        continue;
      }
      if (c.isRecord()) {
        Stream.of(c.getRecordComponents()).map(RecordComponent::getGenericType).forEach(todo::add);
      }
      if (c.getPermittedSubclasses() != null) {
        todo.addAll(java.util.List.of(c.getPermittedSubclasses()));
      }
      JsonSubTypes subTypes = c.getAnnotation(JsonSubTypes.class);
      if (subTypes != null) {
        Stream.of(subTypes.value()).map(JsonSubTypes.Type::value).forEach(todo::add);
      }
    }
    return seen;
  }

  /** MTurk model classes named in the constant pools of the application's compiled classes. */
  private static Set<String> mturkModelClassesReferenced() throws Exception {
    Path root =
        Path.of(
            Class.forName("io.imagecontains.NativeReflection")
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Pattern name = Pattern.compile(MTURK_MODEL.replace('.', '/') + "([A-Za-z0-9_$]+)");
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        Matcher m = name.matcher(read(file));
        while (m.find()) {
          names.add(MTURK_MODEL + m.group(1));
        }
      }
    }
    return names;
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
