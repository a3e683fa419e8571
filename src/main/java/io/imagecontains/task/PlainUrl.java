package io.imagecontains.task;

/**
 * Recognises, in one pass over the characters, the common shape of an image URL: {@code http} or
 * {@code https}, a host name (letters, digits, inner hyphens; the last label starting with a
 * letter), an optional port, then path, query and fragment of RFC 2396's characters with valid
 * percent escapes. Every URL of this shape is one that {@link java.net.URI} parses as absolute
 * http(s) with a host and no user info ({@code PlainUrlTest} checks this on random URLs), so {@link
 * TaskRules} skips the URI parser — a tenth of the ingress's time — for these and asks it about
 * every other URL. It only ever says "certainly valid" or "ask the parser".
 */
final class PlainUrl {

  private static final String MARKS = "-_.!~*'()";
  private static final String PATH_EXTRA = ";/:@&=+$,";

  private PlainUrl() {}

  static boolean isPlain(String url) {
    int at = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (at < 0) {
      return false;
    }
    at = host(url, at);
    if (at < 0) {
      return false;
    }
    if (at < url.length() && url.charAt(at) == ':') {
      at = port(url, at + 1);
    }
    return at >= 0 && endsAuthority(url, at) && rest(url, at);
  }

  /** The index after the host name, or -1 when it is not a plain host name. */
  private static int host(String url, int start) {
    int at = start;
    int labelStart = start;
    while (true) {
      int end = at;
      while (end < url.length() && (isAlphanumeric(url.charAt(end)) || url.charAt(end) == '-')) {
        end++;
      }
      if (end == labelStart || url.charAt(end - 1) == '-' || url.charAt(labelStart) == '-') {
        return -1;
      }
      if (end < url.length() && url.charAt(end) == '.') {
        at = end + 1;
        labelStart = at;
        continue;
      }
      return isLetter(url.charAt(labelStart)) ? end : -1;
    }
  }

  private static int port(String url, int start) {
    int at = start;
    while (at < url.length() && at - start < 5 && isDigit(url.charAt(at))) {
      at++;
    }
    return at > start ? at : -1;
  }

  /** Only these end the authority; anything else ('@' of user info, say) is not plain. */
  private static boolean endsAuthority(String url, int at) {
    return at == url.length() || "/?#".indexOf(url.charAt(at)) >= 0;
  }

  /** Path, then query after '?', then fragment after '#': only RFC 2396 characters. */
  private static boolean rest(String url, int start) {
    boolean inFragment = false;
    for (int at = start; at < url.length(); at++) {
      char c = url.charAt(at);
      if (c == '%') {
        if (at + 2 >= url.length() || !isHex(url.charAt(at + 1)) || !isHex(url.charAt(at + 2))) {
          return false;
        }
        at += 2;
      } else if (c == '#') {
        if (inFragment) {
          return false;
        }
        inFragment = true;
      } else if (c != '?' // starts the query; a plain character in a query or fragment
          && !isAlphanumeric(c)
          && MARKS.indexOf(c) < 0
          && PATH_EXTRA.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return isLetter(c) || isDigit(c);
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
