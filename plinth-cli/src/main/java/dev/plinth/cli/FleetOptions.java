package dev.plinth.cli;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every {@code plinth fleet} command shares: which targets, how many at once, how to connect. */
final class FleetOptions {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the targets are listed: a file, or a query. */
  static final class Source {
    @Option(names = "--targets", paramLabel = "FILE",
        description = "A file listing the targets, one per line: a database URL, optionally followed by a schema of"
            + " that database (one schema per tenant). Blank lines and lines starting with # are left out.")
    String file;

    @Option(names = "--targets-query", paramLabel = "SQL",
        description = "A query listing the targets, run on --url (default: $DATABASE_URL, then .env): a column named"
            + " url gives databases, a column named schema gives schemas (of the queried database when there is"
            + " no url column), e.g. \"SELECT url FROM tenants\".")
    String query;
  }

  @Option(names = "--url", paramLabel = "URL",
      description = "The database --targets-query runs on. Default: $DATABASE_URL, then DATABASE_URL in ./.env.")
  String url;

  @Option(names = "--user", paramLabel = "USER",
      description = "Database user for every target. Default: $DATABASE_USER (environment or .env), else each URL's.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD",
      description = "Database password for every target. Prefer $DATABASE_PASSWORD: flags show up in the process list.")
  String password;

  @Option(names = "--locations", paramLabel = "LOCATION", split = ",",
      description = "Where the migrations are, as for a single database."
          + " Default: $PLINTH_LOCATIONS, else src/main/resources/db/migration, else classpath:db/migration.")
  List<String> locations;

  @Option(names = "--parallel", paramLabel = "N",
      description = "At most N targets at once. Default: twice the cores. A server never gets more at once than a"
          + " sixth of the connections it has free (each target's run holds up to three).")
  Integer parallel;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS",
      description = "How long one connection attempt may take; attempts that time out or find the server full"
          + " are retried for as long again. Default: ${DEFAULT-VALUE}.")
  int connectTimeout = 10;

  @Option(names = "--json", description = "Print the report (or the error) as one JSON object on standard output;"
      + " progress goes to standard error. The object is described in docs/JSON.md.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Show Flyway's log, and stack traces of errors.")
  boolean verbose;
}
