package dev.plinth.runner.config;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A PostgreSQL connection URL split into its parts, with any credentials taken out.
 *
 * <p>Accepts {@code jdbc:postgresql://host:port/db?params} and the libpq forms
 * {@code postgres://user:password@host:port/db?params} and {@code postgresql://...}. Credentials
 * found in the URL (user info or {@code user}/{@code password} parameters) are moved to
 * {@link #user()} and {@link #password()}, so {@link #jdbcUrl()} and {@link #toString()} are safe to
 * print.
 *
 * @param jdbcUrl the JDBC URL without user or password
 * @param host the host, e.g. {@code localhost} or {@code [::1]}
 * @param port the port
 * @param database the database name, empty when the URL names none (the server then uses the user name)
 * @param user the user found in the URL, if any
 * @param password the password found in the URL, if any
 */
public record DatabaseUrl(String jdbcUrl, String host, int port, String database, Optional<String> user,
    Optional<String> password) {

  public static final int DEFAULT_PORT = 5432;

  /**
   * Parses {@code raw}; {@code origin} names where it came from (e.g. {@code DATABASE_URL}) for the
   * error message.
   *
   * @throws PlinthException with {@link Message#URL_INVALID} and friends when the URL is unusable
   */
  public static DatabaseUrl parse(String raw, String origin) {
    String url = raw.strip();
    String rest;
    boolean libpq;
    if (url.startsWith("jdbc:postgresql://")) {
      rest = url.substring("jdbc:postgresql://".length());
      libpq = false;
    } else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      rest = url.substring(url.indexOf("://") + 3);
      libpq = true;
    } else if (url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:postgresql:/")) {
      // jdbc:postgresql:database is short for localhost:5432
      rest = "localhost/" + url.substring("jdbc:postgresql:".length());
      libpq = false;
    } else {
      throw new PlinthException(Message.URL_INVALID, origin, describeScheme(url));
    }

    // The user info ends at the last '@' before the path, as libpq reads it, so that a '?' or '#'
    // in a password that was not percent-encoded is not taken for the query.
    int path = rest.indexOf('/');
    int end = path >= 0 ? path : rest.indexOf('?') >= 0 ? rest.indexOf('?') : rest.length();
    int at = rest.lastIndexOf('@', end - 1);
    String userInfo = at < 0 ? null : rest.substring(0, at);
    String afterUser = at < 0 ? rest : rest.substring(at + 1);
    int query = afterUser.indexOf('?');
    String hostAndPath = query < 0 ? afterUser : afterUser.substring(0, query);
    String params = query < 0 ? "" : afterUser.substring(query + 1);
    int slash = hostAndPath.indexOf('/');
    String hostPort = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String database = slash < 0 ? "" : decode(hostAndPath.substring(slash + 1));

    String host;
    String portText = null;
    if (hostPort.startsWith("[")) { // IPv6 literal
      int close = hostPort.indexOf(']');
      host = close < 0 ? hostPort : hostPort.substring(0, close + 1);
      if (close >= 0 && close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':') {
        portText = hostPort.substring(close + 2);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      portText = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      if (!libpq) {
        throw new PlinthException(Message.URL_NO_HOST, origin);
      }
      host = "localhost"; // postgres:///db means the local server
    }
    int port = DEFAULT_PORT;
    if (portText != null && !portText.isEmpty()) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        // Not shown: when a password holds a reserved character, its rest is read as the port.
        throw new PlinthException(Message.URL_BAD_PORT, origin);
      }
    }

    String user = null;
    String password = null;
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    List<String> kept = new ArrayList<>();
    for (String param : params.isEmpty() ? new String[0] : params.split("&")) {
      int eq = param.indexOf('=');
      String key = eq < 0 ? param : param.substring(0, eq);
      String value = eq < 0 ? "" : decode(param.substring(eq + 1));
      if (key.equals("user")) {
        user = value;
      } else if (key.equals("password")) {
        password = value;
      } else if (!param.isEmpty()) {
        kept.add(param);
      }
    }

    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
        .append('/').append(encodePath(database));
    if (!kept.isEmpty()) {
      jdbc.append('?').append(String.join("&", kept));
    }
    return new DatabaseUrl(jdbc.toString(), host, port, database, Optional.ofNullable(user).filter(u -> !u.isEmpty()),
        Optional.ofNullable(password));
  }

  /** A JDBC URL for a server on this machine. */
  public static DatabaseUrl local(int port, String database) {
    return parse("jdbc:postgresql://localhost:" + port + "/" + database, "the embedded server");
  }

  /** The URL without credentials. */
  @Override
  public String toString() {
    return jdbcUrl;
  }

  private static String describeScheme(String url) {
    // Show only the scheme: the rest may hold a password.
    int colon = url.indexOf("://");
    if (colon > 0) {
      return "it starts with '" + url.substring(0, colon + 3) + "'";
    }
    return "it has no scheme";
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // not percent-encoded after all
    }
  }

  private static String encodePath(String database) {
    StringBuilder out = new StringBuilder();
    for (byte b : database.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
