package io.imagecontains.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The URI parser's shortcut is safe: every URL it calls plain, java.net.URI accepts as an absolute
 * http(s) URL with a host and no user info — on URLs built to look almost right.
 */
class PlainUrlTest {

  private static final String[] SCHEMES = {
    "http://", "https://", "HTTP://", "ftp://", "http:/", ""
  };
  private static final String[] HOST_PIECES = {
    "a",
    "Z",
    "example",
    "com",
    "0",
    "9",
    "12",
    "-",
    ".",
    "_",
    "xn--p1ai",
    "@",
    "user:pw@",
    "[::1]",
    ":",
    "%41",
    "~"
  };
  private static final String[] REST_PIECES = {
    "/", "img", "a.jpg", "?", "#", "&", "=", "%", "%2F", "%zz", "%4", "@", ":", "80", ";", ",", "$",
    "+", "!", "~", "*", "'", "(", ")", "-", "_", ".", "[", "]", "{", "}", "|", "^", "`", "\\", "\"",
    "<", ">", "//"
  };

  @Test
  void everyPlainUrlIsOneTheUriParserAccepts() {
    Random random = new Random(400);
    int plain = 0;
    for (int i = 0; i < 200_000; i++) {
      String url = url(random);
      if (PlainUrl.isPlain(url)) {
        plain++;
        assertThat(TaskRules.checkUrlShape(url, "/url")).as(url).isEmpty();
      }
    }
    assertThat(plain).as("URLs that took the shortcut").isGreaterThan(5_000);
  }

  @Test
  void commonImageUrlsTakeTheShortcutAndOddOnesDoNot() {
    assertThat(PlainUrl.isPlain("https://example.com/img/000001.jpg")).isTrue();
    assertThat(PlainUrl.isPlain("http://cdn-1.images.example.org:8080/a/b%20c.png?w=200&h=1#top"))
        .isTrue();
    for (String odd :
        new String[] {
          "https://user@example.com/a",
          "https://192.168.0.1/a",
          "https://example.com./a",
          "https://-a.com/",
          "https://a-.com/",
          "https://example.com:/a",
          "https://a.1com/",
          "https://[::1]/a",
          "https://exa_mple.com/",
          "https://a.com/%zz",
          "https://a.com/#a#b",
          "HTTPS://a.com/",
          "https://a.com/[x]",
          "https://a.com:123456/",
          "https:///a"
        }) {
      assertThat(PlainUrl.isPlain(odd)).as(odd).isFalse();
    }
  }

  private static String url(Random random) {
    StringBuilder url =
        new StringBuilder(
            SCHEMES[random.nextInt(3) == 0 ? random.nextInt(SCHEMES.length) : random.nextInt(2)]);
    int hostPieces = 1 + random.nextInt(5);
    for (int i = 0; i < hostPieces; i++) {
      url.append(
          random.nextInt(3) == 0 ? pick(random, HOST_PIECES) : pick(random, HOST_PIECES, 0, 6));
      if (random.nextInt(3) == 0 && i < hostPieces - 1) {
        url.append('.');
      }
    }
    if (random.nextInt(4) == 0) {
      url.append(':')
          .append(random.nextInt(4) == 0 ? "" : Integer.toString(random.nextInt(200_000)));
    }
    int restPieces = random.nextInt(12);
    for (int i = 0; i < restPieces; i++) {
      url.append(pick(random, REST_PIECES));
    }
    return url.toString();
  }

  private static String pick(Random random, String[] pieces) {
    return pick(random, pieces, 0, pieces.length);
  }

  private static String pick(Random random, String[] pieces, int from, int to) {
    return pieces[from + random.nextInt(to - from)];
  }
}
