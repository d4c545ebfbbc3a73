package dev.plinth.cli;

import dev.plinth.cli.embedded.EmbeddedServer;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every database command shares. */
final class DatabaseOptions {

  @Option(names = "--url", paramLabel = "URL",
      description = "Database URL: jdbc:postgresql://host:5432/db or postgres://user@host:5432/db."
          + " Default: $DATABASE_URL, then DATABASE_URL in ./.env, else an embedded PostgreSQL.")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user. Default: $DATABASE_USER or the URL's.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD",
      description = "Database password. Prefer $DATABASE_PASSWORD: flags show up in the process list.")
  String password;

  @Option(names = "--locations", paramLabel = "LOCATION", split = ",",
      description = "Where the migrations are, e.g. filesystem:src/main/resources/db/migration."
          + " Default: $PLINTH_LOCATIONS (environment or .env), else src/main/resources/db/migration"
          + " when the working directory has it, else classpath:db/migration.")
  List<String> locations;

  @Option(names = "--embedded-port", paramLabel = "PORT",
      description = "Port of the embedded PostgreSQL started when no database is configured and none is running"
          + " for this folder (0: any free port). Default: ${DEFAULT-VALUE}.")
  int embeddedPort = EmbeddedServer.DEFAULT_PORT;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS",
      description = "How long one connection attempt may take; attempts that time out or find the server full"
          + " are retried for as long again. Default: ${DEFAULT-VALUE}.")
  int connectTimeout = 10;

  @Option(names = "--json", description = "Print the result (or the error) as one JSON object on standard output;"
      + " progress lines go to standard error. The objects are described in docs/JSON.md.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Show Flyway's SQL and debug log, and stack traces of errors.")
  boolean verbose;
}
