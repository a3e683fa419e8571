package io.imagecontains.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** API keys: which are accepted, how the header is read, and what start refuses. */
class ApiKeysTest {

  static final String FIRST = "first-key-0123456789abcdef";
  static final String SECOND = "second-key-0123456789abcdef";

  private final ApiKeys keys = ApiKeys.of(List.of(FIRST, " " + SECOND + " ", ""), "auth.api-keys");

  @Test
  void everyConfiguredKeyIsAcceptedAndNumbered() {
    assertThat(keys.match(FIRST)).isEqualTo(1);
    assertThat(keys.match(SECOND)).isEqualTo(2);
  }

  @Test
  void nearMissesAreRefused() {
    assertThat(keys.accepts(FIRST.substring(0, FIRST.length() - 1))).isFalse();
    assertThat(keys.accepts(FIRST + "x")).isFalse();
    assertThat(keys.accepts(FIRST.toUpperCase())).isFalse();
    assertThat(keys.accepts("")).isFalse();
  }

  @Test
  void theBearerTokenIsReadWhateverTheSchemesCase() {
    assertThat(ApiKeys.bearer("Bearer " + FIRST)).contains(FIRST);
    assertThat(ApiKeys.bearer("bearer " + FIRST)).contains(FIRST);
    assertThat(ApiKeys.bearer("Basic " + FIRST)).isEmpty();
    assertThat(ApiKeys.bearer("Bearer ")).isEmpty();
    assertThat(ApiKeys.bearer(null)).isEmpty();
  }

  @Test
  void aShortKeyIsRefusedWithoutBeingShown() {
    assertThatThrownBy(() -> ApiKeys.of(List.of(FIRST, "short-secret"), "auth.api-keys"))
        .hasMessageContaining("auth.api-keys: key #2 is shorter than 16")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void noKeyEverShowsInItsTextForm() {
    assertThat(keys.toString()).isEqualTo("ApiKeys[2 keys]").doesNotContain(FIRST);
  }

  @Test
  void accessControlOnWithoutAnyKeyRefusesToStart() {
    assertThatThrownBy(() -> AuthStartupCheck.check(config(true, Optional.empty())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("auth.api-keys")
        .hasMessageContaining("auth.enabled=false");
    assertThatThrownBy(() -> AuthStartupCheck.check(config(true, Optional.of(List.of(" ")))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void accessControlOnWithAKeyOrOffStarts() {
    AuthStartupCheck.check(config(true, Optional.of(List.of(FIRST))));
    AuthStartupCheck.check(config(false, Optional.empty()));
  }

  private static AuthConfig config(boolean enabled, Optional<List<String>> keys) {
    return AuthConfigs.of(enabled, keys);
  }
}
