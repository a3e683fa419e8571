package io.imagecontains.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration properties the application really reads, found in the compiled code and in
 * application.properties rather than listed by hand: every {@code @ConfigMapping} (walked by
 * reflection, with its {@code @WithDefault}s), every {@code @ConfigProperty}, every key of
 * application.properties, and the MTurk simulator's settings (its {@code simulator.*} name
 * constants). Deployment files (docker-compose.yml, deploy/) are checked against these names, and
 * the README's configuration reference against the mappings.
 */
final class AppConfigNames {

  static final String PACKAGE = "io.imagecontains";

  /**
   * Quarkus's own properties that deployments set. They are Quarkus's, so the code does not name
   * them; each is in the README's configuration reference.
   */
  static final Set<String> QUARKUS_SET_BY_DEPLOYMENTS =
      Set.of("quarkus.http.port", "quarkus.http.host", "quarkus.profile");

  /**
   * Environment variables read by something other than MicroProfile Config: the AWS SDK's default
   * credential chain (MTurk credentials) and the JVM image's run-java.sh launcher.
   */
  static final Set<String> NON_CONFIG_ENVIRONMENT =
      Set.of(
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "JAVA_OPTS_APPEND",
          "JAVA_MAX_MEM_RATIO");

  /** One property of a {@code @ConfigMapping}: its full name and its default, if any. */
  record MappedProperty(String name, Optional<String> defaultValue, Class<?> mapping) {}

  private AppConfigNames() {}

  /** MicroProfile Config's environment variable for a property name. */
  static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** Every name the application reads (mappings, injected properties, files, simulator). */
  static Set<String> all() {
    Set<String> names = new TreeSet<>();
    configMappings().forEach(p -> names.add(p.name()));
    names.addAll(configProperties());
    names.addAll(applicationProperties().keySet());
    names.addAll(simulatorSettings());
    names.addAll(QUARKUS_SET_BY_DEPLOYMENTS);
    names.add("service.host"); // only used inside application.properties: ${service.host:...}
    return names;
  }

  /** The property an environment variable sets, when the application reads one by that name. */
  static Optional<String> propertyFor(String environmentVariable) {
    return all().stream()
        .filter(name -> environmentName(name).equals(environmentVariable))
        .findFirst();
  }

  /** The given environment variables that nothing in the application or its image reads. */
  static List<String> unread(Collection<String> environmentVariables) {
    return environmentVariables.stream()
        .filter(n -> propertyFor(n).isEmpty() && !NON_CONFIG_ENVIRONMENT.contains(n))
        .toList();
  }

  /** Every property of every {@code @ConfigMapping} interface in the application. */
  static List<MappedProperty> configMappings() {
    List<MappedProperty> properties = new ArrayList<>();
    for (Class<?> type : applicationClasses()) {
      ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
      if (mapping != null) {
        walk(type, mapping.prefix(), type, properties);
      }
    }
    return properties;
  }

  private static void walk(
      Class<?> group, String prefix, Class<?> mapping, Collection<MappedProperty> into) {
    for (Method method : group.getMethods()) {
      if (method.isDefault()
          || Modifier.isStatic(method.getModifiers())
          || method.getParameterCount() > 0) {
        continue;
      }
      WithName withName = method.getAnnotation(WithName.class);
      String name = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
      Class<?> type = method.getReturnType();
      if (type.isInterface() && type.getName().startsWith(PACKAGE)) {
        walk(type, name, mapping, into);
      } else {
        WithDefault withDefault = method.getAnnotation(WithDefault.class);
        into.add(
            new MappedProperty(
                name, Optional.ofNullable(withDefault).map(WithDefault::value), mapping));
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Names injected with {@code @ConfigProperty} on fields or constructor/method parameters. */
  static Set<String> configProperties() {
    Set<String> names = new TreeSet<>();
    for (Class<?> type : applicationClasses()) {
      for (Field field : type.getDeclaredFields()) {
        Optional.ofNullable(field.getAnnotation(ConfigProperty.class))
            .ifPresent(p -> names.add(p.name()));
      }
      Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
          .flatMap(executable -> Stream.of(executable.getParameters()))
          .map((Parameter p) -> p.getAnnotation(ConfigProperty.class))
          .filter(p -> p != null)
          .forEach(p -> names.add(p.name()));
    }
    return names;
  }

  /** application.properties, keys without their {@code %profile.} prefix. */
  static Map<String, String> applicationProperties() {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> keys = new LinkedHashMap<>();
    properties.forEach(
        (key, value) ->
            keys.putIfAbsent(key.toString().replaceFirst("^%[^.]+\\.", ""), "" + value));
    return keys;
  }

  /** The simulator's settings: the {@code simulator.*} name constants its readers use. */
  static Set<String> simulatorSettings() {
    Set<String> names = new TreeSet<>();
    for (Class<?> type :
        List.of(
            io.imagecontains.workforce.SimulatorSettings.class,
            io.imagecontains.workforce.SettingsReader.class)) {
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          try {
            String value = (String) field.get(null);
            if (value.startsWith("simulator.")) {
              names.add(value);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return names;
  }

  /** Every class compiled from src/main/java. */
  static List<Class<?>> applicationClasses() {
    Path root = classesRoot();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> root.relativize(f).toString())
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .filter(name -> name.startsWith(PACKAGE) && !name.endsWith("package-info"))
          .map(AppConfigNames::load)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path classesRoot() {
    try {
      return Path.of(
          io.imagecontains.ClockProducer.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Class<?>> load(String name) {
    try {
      return Optional.of(Class.forName(name, false, AppConfigNames.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
