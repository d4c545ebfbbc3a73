package dev.plinth.runner;

import java.util.Locale;

/**
 * Every message Plinth's runner shows to a user, with a stable id.
 *
 * <p>Each text says what is wrong and what to do about it. Texts never contain a password: callers
 * pass URLs without credentials and user names only.
 */
public enum Message {

  // Configuration (exit code USAGE)
  URL_INVALID("PLN600", Kind.CONFIGURATION,
      "%s is not a PostgreSQL URL: %s. Set it to jdbc:postgresql://host:5432/database"
          + " or postgres://user@host:5432/database."),
  URL_BAD_PORT("PLN601", Kind.CONFIGURATION,
      "%s has an invalid port (not shown: it may be part of a password). After the host, the port is a number"
          + " between 1 and 65535, e.g. postgres://user@localhost:5432/app; a password with any of @ : / ? # [ ] %%"
          + " in it must be percent-encoded (@ is %%40, : is %%3A, / is %%2F, ? is %%3F, # is %%23, %% is %%25)."),
  URL_EMPTY("PLN637", Kind.CONFIGURATION,
      "%s is set but empty in %s. Nothing was done. Set it to the database's URL, e.g."
          + " postgres://user@host:5432/app; to use the embedded PostgreSQL instead, %s."),
  URL_NO_HOST("PLN602", Kind.CONFIGURATION,
      "%s has no host name. Use e.g. postgres://user@localhost:5432/app."),
  DOTENV_BAD_LINE("PLN603", Kind.CONFIGURATION,
      "Line %d of %s is not KEY=VALUE. Fix or remove it (comments start with #)."),
  DOTENV_UNREADABLE("PLN604", Kind.CONFIGURATION,
      "Cannot read %s: %s. Make it a text file (UTF-8) its user can read, or remove it."),
  DOTENV_UNCLOSED_QUOTE("PLN639", Kind.CONFIGURATION,
      "Line %d of %s: the value of %s opens a quote (%s) that the line does not close. Close it on the same"
          + " line (a value cannot span lines)."),
  LOCATION_INVALID("PLN605", Kind.CONFIGURATION,
      "Migration location '%s' is not valid. Use classpath:db/migration or filesystem:path/to/db/migration."),
  LOCATION_MISSING("PLN606", Kind.CONFIGURATION,
      "Migration location '%s' does not exist. Create it, or point --locations at the folder holding V1__*.sql."),
  TARGET_INVALID("PLN607", Kind.CONFIGURATION,
      "Target '%s' is not a migration version. Use a version such as 3 or 1.2, or 'latest'."),
  TARGET_NOT_FOUND("PLN638", Kind.CONFIGURATION,
      "Target %s is not the version of any migration in %s. Nothing was migrated. Use a version that"
          + " `plinth info` lists, or leave --target out to apply every pending migration."),
  VERSION_INVALID("PLN608", Kind.CONFIGURATION,
      "%s '%s' is not a migration version. Use a version such as 3 or 1.2."),
  ROLLBACK_STEPS_INVALID("PLN609", Kind.CONFIGURATION,
      "--steps must be at least 1 (got %d)."),
  ROLLBACK_TOO_MANY_STEPS("PLN610", Kind.CONFIGURATION,
      "Cannot roll back %d migrations: only %d %s applied (schema at version %s). Use --steps %d or fewer."),
  RESET_REFUSED_REMOTE("PLN611", Kind.CONFIGURATION,
      "Refusing to reset a database on '%s': that host is not this machine (localhost, 127.0.0.1, ::1)."
          + " reset drops every table the migrations created and all their data."
          + " Pass --force if this database really is disposable."),
  RESET_REFUSED_NAME("PLN612", Kind.CONFIGURATION,
      "Refusing to reset database '%s': its name does not say it is disposable (it contains none of %s)."
          + " reset drops every table the migrations created and all their data."
          + " Pass --force if it really is disposable."),
  CONNECT_TIMEOUT_INVALID("PLN614", Kind.CONFIGURATION,
      "--connect-timeout must be at least 1 second (got %d). Use e.g. --connect-timeout 30 on a busy server."),
  CODEGEN_PACKAGE_INVALID("PLN613", Kind.CONFIGURATION,
      "'%s' is not a Java package name. Use e.g. --package com.example.db."),
  ROLLBACK_HOW_MISSING("PLN615", Kind.CONFIGURATION,
      "plinth:rollback was given %s. Set exactly one: plinth.steps to roll back the newest N migrations"
          + " (e.g. -Dplinth.steps=1), or plinth.to to roll back every migration newer than a version"
          + " (e.g. -Dplinth.to=3; 0 for all)."),

  PULL_MIGRATIONS_EXIST("PLN690", Kind.CONFIGURATION,
      "%s already holds migrations (%s): pull writes the first migration of a new folder. Pull into an empty"
          + " folder; if this database is already managed by these migrations, compare them with verify instead."),
  PULL_SOURCE_EXISTS("PLN691", Kind.CONFIGURATION,
      "%s already exists and pull does not overwrite sources. Move it away, or pull into another --sources"
          + " folder or --package, and run pull again."),
  PULL_NOTHING("PLN695", Kind.CONFIGURATION,
      "The database has no tables outside the system schemas, so there is nothing to pull. Check that --url"
          + " (or DATABASE_URL) names the database to adopt."),
  BASELINE_HISTORY_EXISTS("PLN692", Kind.CONFIGURATION,
      "The database already has a migration history (table %s, schema at version %s): baseline is for a database"
          + " no migration has touched yet. Compare it with the migrations with verify, or migrate it."),
  BASELINE_NO_MIGRATIONS("PLN693", Kind.CONFIGURATION,
      "There are no migrations in %s to baseline at. Run pull first (it writes V1__baseline), or point"
          + " --locations at the folder holding the migrations."),
  ROLLBACK_BASELINE("PLN696", Kind.CONFIGURATION,
      "Cannot roll back V%s: it is the baseline that records this database as adopted at that version; its schema"
          + " was there before Plinth, so it has no reverse script. Roll back no further than version %s. Nothing"
          + " was rolled back."),
  ROLLBACK_REPLACED("PLN697", Kind.CONFIGURATION,
      "Cannot roll back V%s: this database applied it before it was replaced by %s (a squash, or the adoption of"
          + " its Flyway history), so its own reverse script no longer exists. Roll back no further than version %s"
          + " here; databases created from %s can roll it back. Nothing was rolled back."),
  BASELINE_VERSION_TOO_LARGE("PLN698", Kind.CONFIGURATION,
      "The history's newest version %s is too large for Plinth's version numbers (at most 2147483646 before the"
          + " first part's dot). Renumber that history (e.g. with Flyway's repair after renaming its files to smaller"
          + " versions), then pull again."),
  SQUASH_NOT_COMMITTED("PLN626", Kind.CONFIGURATION,
      "Cannot squash %s: it does not hold exactly what its journal generates (%s). Run `plinth check`, fix what it"
          + " reports, and squash again."),
  SQUASH_UNKNOWN_VERSION("PLN627", Kind.CONFIGURATION,
      "Cannot squash to version %s: no generated migration has it (generated: %s). Pass one of them with --to."),
  SQUASH_NOTHING("PLN628", Kind.CONFIGURATION,
      "Nothing to squash up to version %s: the migrations up to it are already one migration (or as few as the"
          + " schema needs). Pass a newer version with --to."),
  SQUASH_HAND_WRITTEN("PLN629", Kind.CONFIGURATION,
      "Cannot squash: hand-written migrations are in the range (%s), and the squashed migration would not contain"
          + " what they do. Squash to a version before the first of them, or move their work into a migration after"
          + " the range, and squash again."),
  BASELINE_VERSION_UNKNOWN("PLN694", Kind.CONFIGURATION,
      "Version %s is not one of the migrations (%s). Pass one of them with --version, or leave it out for the newest."),

  // Connection (exit code CONNECTION)
  CONNECTION_REFUSED("PLN620", Kind.CONNECTION,
      "Cannot connect to PostgreSQL at %s:%d: connection refused. Is the server running and listening on that port?"
          + " Check the host and port in %s."),
  UNKNOWN_HOST("PLN621", Kind.CONNECTION,
      "Cannot connect to PostgreSQL: unknown host '%s'. Check the host name in %s."),
  AUTHENTICATION_FAILED("PLN622", Kind.CONNECTION,
      "PostgreSQL at %s:%d rejected the password for user '%s'. Check the user and password"
          + " (--user/--password, DATABASE_USER/DATABASE_PASSWORD or the URL)."),
  AUTHORIZATION_FAILED("PLN623", Kind.CONNECTION,
      "PostgreSQL at %s:%d refused user '%s': %s. Check that the role exists and that pg_hba.conf allows it."),
  DATABASE_MISSING("PLN624", Kind.CONNECTION,
      "Database '%s' does not exist on %s:%d. Create it (createdb -h %s -p %d -U %s %s, or CREATE DATABASE %s;)"
          + " or fix the database name in %s."),
  PASSWORD_MISSING("PLN646", Kind.CONNECTION,
      "PostgreSQL at %s:%d asks user '%s' for a password, and none was given (the URL came from %s). Set"
          + " DATABASE_PASSWORD (in the environment or .env), or put it in the URL as postgres://user:password@host/db"
          + " (percent-encoded)."),
  CONNECTION_FAILED("PLN625", Kind.CONNECTION,
      "Cannot connect to PostgreSQL at %s:%d: %s (SQL state %s). Check %s and that the server is reachable."),
  DATA_SOURCE_FAILED("PLN634", Kind.CONNECTION,
      "Cannot get a connection from the application's DataSource: %s (SQL state %s). Check its URL, user and"
          + " password, and that the server is reachable."),
  EMBEDDED_PORT_IN_USE("PLN630", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL: port %d is already in use. Stop the program using it"
          + " (maybe an earlier embedded server) or choose another port with --embedded-port."),
  EMBEDDED_DATA_IN_USE("PLN631", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL: its data directory %s is in use by another Plinth process."
          + " Wait for it to finish, or set DATABASE_URL to use another database."),
  EMBEDDED_START_FAILED("PLN632", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL (data directory %s): %s. Delete the directory to start from scratch"
          + " (its data is lost), or set DATABASE_URL to use another database."),
  EMBEDDED_LOCK_FAILED("PLN636", Kind.CONNECTION,
      "Cannot lock the embedded PostgreSQL's data directory %s: %s. Make its folder writable by you,"
          + " or set DATABASE_URL to use another database."),
  EMBEDDED_ROOT_UNSUPPORTED("PLN633", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL as root (%s): PostgreSQL refuses to run as root, and user namespaces"
          + " (unshare -U), which would avoid that, are not available here. Run Plinth as an ordinary user,"
          + " or set DATABASE_URL."),

  // Migrations (exit code MIGRATION_FAILED)
  MIGRATION_FAILED("PLN640", Kind.MIGRATION,
      "Migration %s failed at line %d: %s (SQL state %s).%n  Statement: %s%n  %s"),
  MIGRATION_ROLLED_BACK("PLN641", Kind.MIGRATION,
      "Its transaction was rolled back; the schema is still at version %s. Fix the file and run migrate again."),
  MIGRATION_NOT_ROLLED_BACK("PLN642", Kind.MIGRATION,
      "It did not run in a transaction, so part of it may have been applied; check the database before retrying."),
  MIGRATION_ERROR("PLN643", Kind.MIGRATION,
      "Migration failed: %s"),
  MIGRATION_RESUMABLE("PLN644", Kind.MIGRATION,
      "It did not run in a transaction, so part of it may have been applied; it is written to be run again:"
          + " fix the cause, run `plinth repair` (Plinth.repair()) to clear its failed row, and migrate again,"
          + " which finishes what this run began."),
  MIGRATION_VALIDATION_FAILED("PLN645", Kind.MIGRATION,
      "It validates a constraint that the migration before it added NOT VALID (rows written since are already"
          + " checked), and rows that were there before violate it. Its transaction was rolled back; the schema"
          + " is still at version %s. Fix or delete those rows and run migrate again: the migration files need"
          + " no change."),
  ROLLBACK_FAILED("PLN650", Kind.MIGRATION,
      "Reverse script %s failed at line %d: %s (SQL state %s).%n  Statement: %s%n  %s%n  %s"),
  ROLLBACK_ROLLED_BACK("PLN651", Kind.MIGRATION,
      "Its transaction was rolled back; the schema is still at version %s."),
  ROLLBACK_NOT_ROLLED_BACK("PLN652", Kind.MIGRATION,
      "It did not run in a transaction, so part of it may have been applied; the history still records version %s."
          + " Check the database before retrying."),
  ROLLBACK_ADVICE_BACKUP_GONE("PLN657", Kind.MIGRATION,
      "The backup it restores from is gone (prune-backups removed it), so the data that migration removed cannot"
          + " come back. Stay at this version and change the schema forward with a new migration, or restore the"
          + " database from a dump taken before the backups were pruned."),
  ROLLBACK_ADVICE_ROWS("PLN654", Kind.MIGRATION,
      "Rows written since that migration break what version %s requires%s. Change those rows (the statement above"
          + " shows the rule) and run rollback again."),
  ROLLBACK_ADVICE_GENERIC("PLN655", Kind.MIGRATION,
      "The reverse script is generated and checked against plinth.sum: do not edit it. Run rollback again with"
          + " --verbose to see each statement; if it fails the same way, report it with this message."),
  MIGRATE_CONNECTION_LOST("PLN635", Kind.CONNECTION,
      "The connection to PostgreSQL was lost while %s ran: %s (SQL state %s). %s %s Once the server is reachable"
          + " again, run migrate again: it continues with the first migration not applied."),
  ROLLBACK_HISTORY_CHANGED("PLN653", Kind.MIGRATION,
      "The history has no successful row for version %s any more: another process changed it. Its reverse script was"
          + " not committed; run info and try again."),
  ROLLBACK_RESUMABLE("PLN656", Kind.MIGRATION,
      "It did not run in a transaction, so part of it may have been applied; it is written to be run again:"
          + " the history still records version %s, so fix the cause and run rollback again, which finishes what"
          + " this run began."),

  // Integrity (exit code INTEGRITY)
  VALIDATION_FAILED("PLN660", Kind.INTEGRITY,
      "The migrations applied to the database do not match the migration files: %s"
          + " Restore the changed or deleted files; a migration must never change after it was applied."),
  CHECKSUM_CHANGED("PLN661", Kind.INTEGRITY,
      "%s was changed after it was applied (checksum %s in the database, %s in the file)."
          + " Restore the applied version and put new changes in a new migration."),
  APPLIED_FILE_MISSING("PLN662", Kind.INTEGRITY,
      "%s (version %s) is applied but its file is missing. Restore it from version control."),
  FAILED_RECORDED("PLN663", Kind.INTEGRITY,
      "%s (version %s) is recorded as failed. It ran outside a transaction, so part of it may be applied:"
          + " fix what made it fail, run `plinth repair` (Plinth.repair()) to remove the failed row and any"
          + " invalid index it left, and migrate again."),
  FAILED_RECORDED_RESUMABLE("PLN679", Kind.INTEGRITY,
      "%s (version %s) is recorded as failed. It ran outside a transaction and is written to be run again: fix"
          + " the cause, run `plinth repair` (Plinth.repair()) to clear the failed row, and migrate again."),
  REVERSE_MISSING("PLN664", Kind.INTEGRITY,
      "%s has no reverse script %s. It is generated with every migration: restore it, or recompile to regenerate it."),
  REVERSE_MISSING_HANDWRITTEN("PLN665", Kind.INFO,
      "%s is hand-written and has no reverse script %s: rollback cannot go below version %s until one is written."),
  SUM_MISMATCH("PLN666", Kind.INTEGRITY,
      "%s does not match plinth.sum: it was edited after it was generated. Restore it, or recompile to"
          + " regenerate it and plinth.sum."),
  SUM_FILE_MISSING("PLN667", Kind.INTEGRITY,
      "%s is listed in plinth.sum but missing. Restore it from version control."),
  SUM_UNLISTED("PLN668", Kind.INTEGRITY,
      "%s is not listed in plinth.sum. Recompile, so that the processor records it."),
  MIGRATE_FILES_CHANGED("PLN669", Kind.INTEGRITY,
      "Nothing was migrated: the migrations applied to the database do not match the migration files. %s"),
  ROLLBACK_REVERSE_MISSING("PLN670", Kind.INTEGRITY,
      "Cannot roll back %s: its reverse script %s is missing%s. Nothing was rolled back."
          + " Write the reverse script (it must undo %s exactly), or roll back fewer migrations."),
  ROLLBACK_REFUSED("PLN671", Kind.INTEGRITY,
      "Cannot roll back: %s Nothing was rolled back."),
  JOURNAL_UNREADABLE("PLN672", Kind.INTEGRITY,
      "Cannot read the journal entry %s: %s. Restore it from version control."),
  EXTERNAL_UNREADABLE("PLN995", Kind.CONFIGURATION,
      "Cannot read %s next to plinth.sum: %s. Fix that line: after 'format 1', each line is '<kind> <name>'"
          + " (see the README, 'Adopting an existing database')."),

  MIGRATE_BLOCKED_BY_FAILURE("PLN673", Kind.INTEGRITY,
      "Nothing was migrated: %s (version %s) failed earlier outside a transaction, and the history still"
          + " records that failure%s. Fix what made it fail (e.g. duplicate values under a unique index), then run"
          + " `plinth repair` (Plinth.repair()) to remove the failed row%s, and migrate again: it runs again."),

  HISTORY_INSIDE_REPLACED("PLN619", Kind.INTEGRITY,
      "The database's history has V%s, which %s replaces, but not that migration's own version %s: the database"
          + " stopped inside the replaced range. After adopting a Flyway history, run `plinth baseline`; after a"
          + " squash, migrate this database to version %3$s with the migrations as they were before the squash, then"
          + " use these again."),
  CHECK_FILE_MISSING("PLN674", Kind.INTEGRITY,
      "%s is missing but its journal %s generates it. Restore it from version control, or compile once without"
          + " -Aplinth.check=true to regenerate it, and commit it."),
  CHECK_FILE_EDITED("PLN675", Kind.INTEGRITY,
      "%s is not what its journal %s generates: it was edited by hand (or checked out with other line endings)."
          + " Restore it from version control; put new changes in a new migration instead."),
  CHECK_SUM_OUT_OF_DATE("PLN676", Kind.INTEGRITY,
      "%s is out of date (%s). Compile once without -Aplinth.check=true to update it, review the change, and commit it."),
  CHECK_JOURNAL_UNREADABLE("PLN677", Kind.INTEGRITY,
      "Cannot read the journal entry %s: %s. Restore it from version control."),
  CONNECT_TIMEOUT_PROPERTY_INVALID("PLN617", Kind.CONFIGURATION,
      "plinth.connect-timeout must be at least 1 second (got %s). Set it in the application's properties,"
          + " e.g. plinth.connect-timeout=30s on a busy server."),
  RESET_REFUSED_SCHEMA("PLN618", Kind.CONFIGURATION,
      "Refusing to reset schema '%s': reset drops what the migrations created in the whole database, other"
          + " tenants' tables and Plinth's backups included. To start one tenant again, drop its schema"
          + " (DROP SCHEMA \"%s\" CASCADE) and migrate."),

  // A fleet of databases (plinth fleet ...)
  FLEET_EMPTY("PLN680", Kind.CONFIGURATION,
      "The fleet has no targets: %s lists none. List one target per line (a database URL, optionally followed"
          + " by a schema), or make the query return rows."),
  FLEET_FILE_UNREADABLE("PLN681", Kind.CONFIGURATION,
      "Cannot read the fleet file %s: %s. Check the path given to --targets."),
  FLEET_LINE_INVALID("PLN682", Kind.CONFIGURATION,
      "Line %d of %s is not a target: %s. Write a database URL, optionally followed by a schema name, e.g."
          + " jdbc:postgresql://db1:5432/tenant_7 or jdbc:postgresql://db1:5432/app tenant_7."),
  FLEET_DUPLICATE("PLN683", Kind.CONFIGURATION,
      "%s is listed twice in %s (entries %d and %d). List each target once: two runs on one target only wait"
          + " for each other."),
  FLEET_QUERY_COLUMNS("PLN684", Kind.CONFIGURATION,
      "The fleet query returns no column named url or schema (it returns %s). Name them, e.g."
          + " SELECT url FROM tenants, or SELECT schema_name AS schema FROM tenants for schemas of the queried"
          + " database."),
  FLEET_QUERY_FAILED("PLN685", Kind.CONFIGURATION,
      "The fleet query failed on %s: %s (SQL state %s). Fix the query given to --targets-query."),
  FLEET_QUERY_NULL("PLN686", Kind.CONFIGURATION,
      "Row %d of the fleet query has neither a url nor a schema. Leave such rows out, e.g. WHERE url IS NOT NULL."),
  FLEET_COUNT_INVALID("PLN687", Kind.CONFIGURATION,
      "%s must be at least 1 (got %d)."),
  FLEET_ROLLBACK_STEPS("PLN688", Kind.CONFIGURATION,
      "A fleet rolls back to a version (--to VERSION), not by a number of steps: running the same command"
          + " again after an interruption must not roll back further. Use --to VERSION, e.g. --to 3 (--to 0 rolls back"
          + " every migration)."),
  FLEET_QUERY_NO_DATABASE("PLN689", Kind.CONFIGURATION,
      "--targets-query needs the database to run it on: pass --url, or set DATABASE_URL (environment or .env)."),
  FLEET_TARGETS_HOW_MISSING("PLN699", Kind.CONFIGURATION,
      "The plinth:fleet-* goal was given %s. Set exactly one: plinth.targets, a file listing the targets (e.g."
          + " -Dplinth.targets=fleet.txt), or plinth.targetsQuery, a query returning them (e.g."
          + " -Dplinth.targetsQuery=\"SELECT url FROM tenants\")."),
  FLEET_ROLLBACK_TO_MISSING("PLN659", Kind.CONFIGURATION,
      "plinth:fleet-rollback needs the version to roll back to: set plinth.to, e.g. -Dplinth.to=3 (0 rolls back"
          + " every migration). A fleet rolls back to a version, not by steps, so that running it again after an"
          + " interruption does not roll back further."),
  CHECK_FOLDER_MISSING("PLN616", Kind.CONFIGURATION,
      "There is no migrations folder at %s. Pass the folder that holds migration/, rollback/ and schema/ with"
          + " --migrations, e.g. --migrations src/main/resources/db."),
  VERIFY_ON_START_DRIFT("PLN678", Kind.INTEGRITY,
      "The application did not start: plinth.verify-on-start is set and the database differs from the schema"
          + " of version %s in %d place%s:%n%s%nUndo the manual changes, or make them part of the schema with a new"
          + " migration; to start anyway, set plinth.verify-on-start=false."),

  // The migrations folder itself (FolderCheck): read, decoded and compared with plinth.sum before use
  LOCATION_UNREADABLE("PLN800", Kind.CONFIGURATION,
      "The migrations folder %s cannot be read: %s. Nothing was done. Make it a folder the user running Plinth"
          + " can read (e.g. chmod -R u+rX on it), or point --locations (PLINTH_LOCATIONS) at the folder holding"
          + " V1__*.sql."),
  FILE_UNREADABLE("PLN801", Kind.CONFIGURATION,
      "Cannot read %s: %s. Nothing was done. Make it readable by the user running Plinth (e.g. chmod u+r on it),"
          + " or restore it from version control."),
  FILE_NOT_UTF8("PLN802", Kind.INTEGRITY,
      "%s is not valid UTF-8 at byte %d: Plinth and Flyway read migration, reverse, journal and sum files as"
          + " UTF-8. Restore it from version control; if it is a hand-written migration saved in another encoding,"
          + " convert it (e.g. iconv -f ISO-8859-1 -t UTF-8) and recompile so that plinth.sum records it."),
  DUPLICATE_VERSION("PLN803", Kind.INTEGRITY,
      "Version %s is claimed by more than one migration: %s. A version has one migration: keep one and remove the"
          + " others, or give a hand-written one a free version (e.g. V7_1__...); when two branches each added a"
          + " generated migration, compile once with -Aplinth.rebase=<slug> (README, Working in a team). Then"
          + " recompile."),
  SUM_MISMATCH_HANDWRITTEN("PLN804", Kind.INTEGRITY,
      "%s does not match plinth.sum: this hand-written file changed after the last compile recorded it. Restore it"
          + " from version control; if the change is meant and no database has applied it yet, recompile so that"
          + " plinth.sum records it."),
  SUM_UNREADABLE("PLN805", Kind.INTEGRITY,
      "%s cannot be read: %s. Restore it from version control, or recompile to write it again."),
  FOLDER_REFUSED("PLN806", Kind.INTEGRITY,
      "%s refused before touching the database: the migrations folder %s is not what was committed"
          + " (%d problem%s):%n%s%nNothing was changed. Fix each file as its line says, then run it again."),
  VERIFY_FILES_CHANGED("PLN807", Kind.INTEGRITY,
      "%s cannot compare the database: the migrations folder %s is not what was committed (%d problem%s), so the"
          + " schema its journal gives is not the committed one; it is these files, not the database, that"
          + " changed:%n%s%nRestore them (or recompile), then run verify again."),
  APPLIED_EMPTY("PLN808", Kind.INTEGRITY,
      "%s (version %s) was applied while its file was empty (the history's checksum is 0), so it changed nothing"
          + " in the database; now the file holds SQL. Make the database run it: delete its history row"
          + " (DELETE FROM %s WHERE version = '%2$s';), then migrate again."),
  NOT_APPLIED_OLDER("PLN809", Kind.INTEGRITY,
      "%s (version %s) was never applied, but later versions were (up to %s): it was missing when they were"
          + " migrated. Roll back to before it (plinth rollback --to %s; Plinth.rollback(RollbackTarget.to(\"%4$s\"))),"
          + " then migrate again, which applies it and the later ones in order."),

  // Anything else (exit code ERROR)
  FLYWAY_ERROR("PLN990", Kind.ERROR, "%s"),
  DATABASE_ERROR("PLN992", Kind.ERROR, "%s failed: %s (SQL state %s)."),
  CODEGEN_FAILED("PLN993", Kind.ERROR,
      "jOOQ code generation failed: %s. Run again with --verbose (Maven: -X) to see jOOQ's log."),
  WRITE_FAILED("PLN994", Kind.ERROR, "Cannot write %s: %s. Check that the folder exists and is writable."),
  UNEXPECTED("PLN991", Kind.ERROR,
      "Unexpected error: %s. Run again with --verbose (Maven: -e) to see the details, and report it if it persists."),

  // Informational lines (not errors); shown without their id
  EMBEDDED_STARTED("PLN701", Kind.INFO,
      "Embedded PostgreSQL on port %d, data in %s (kept between runs). While it runs, connect with %s and the"
          + " password in %s, or: PGPASSWORD=\"$(cat %s)\" psql -h localhost -p %d -U postgres postgres"),
  EMBEDDED_REUSED("PLN702", Kind.INFO, "Using the embedded PostgreSQL already running on port %d, data in %s."),
  SERVER_STARTED("PLN760", Kind.INFO,
      "Dev server running on port %d (postmaster pid %d), data in %s. Commands run in this folder use it until"
          + " plinth server stop. Connect with %s and the password in %s, or:"
          + " PGPASSWORD=\"$(cat %s)\" psql -h localhost -p %d -U postgres postgres"),
  SERVER_ALREADY_RUNNING("PLN761", Kind.INFO,
      "Dev server already running on port %d (postmaster pid %d), data in %s; nothing started."),
  SERVER_STOPPED("PLN762", Kind.INFO, "Stopped the embedded PostgreSQL on port %d (postmaster pid %d), data in %s."),
  SERVER_NOT_RUNNING("PLN763", Kind.INFO,
      "No embedded PostgreSQL is running on %s. Start one with: plinth server start"),
  SERVER_STATUS("PLN764", Kind.INFO, "Running on port %d (postmaster pid %d), data in %s: %s."),
  SERVER_MODE_DEV("PLN765", Kind.INFO, "dev server, runs until plinth server stop"),
  SERVER_MODE_COMMAND("PLN766", Kind.INFO, "started for a command, stops when the last command using it ends"),
  MIGRATION_APPLIED("PLN710", Kind.INFO, "Applied V%s %s (%d ms)"),
  REPEATABLE_APPLIED("PLN706", Kind.INFO, "Applied repeatable %s (%d ms)"),
  REPEATABLE_RUNNING("PLN707", Kind.INFO, "Applying repeatable %s (%s) ..."),
  MIGRATION_RUNNING("PLN747", Kind.INFO, "Applying V%s %s (%s) ..."),
  MIGRATE_SUMMARY("PLN711", Kind.INFO, "Applied %d migration%s in %d ms; schema now at version %s."),
  MIGRATE_NOTHING("PLN712", Kind.INFO, "Nothing to apply; schema is at version %s."),
  DRY_RUN_HEADER("PLN713", Kind.INFO,
      "-- Dry run: %d pending migration%s; schema is at version %s. Nothing was changed."),
  DRY_RUN_SCRIPT("PLN714", Kind.INFO, "-- %s (version %s: %s)"),
  DRY_RUN_NOTHING("PLN715", Kind.INFO, "-- Dry run: nothing to apply; schema is at version %s."),
  INFO_SCHEMA_VERSION("PLN716", Kind.INFO, "Schema version: %s"),
  INFO_NO_MIGRATIONS("PLN717", Kind.INFO, "No migrations found in %s."),
  NO_VERSION("PLN718", Kind.INFO, "none"),
  ROLLBACK_STEP("PLN720", Kind.INFO, "Rolled back V%s %s (%d ms)"),
  ROLLBACK_RUNNING("PLN705", Kind.INFO, "Rolling back V%s %s (%s) ..."),
  ROLLBACK_SUMMARY("PLN721", Kind.INFO, "Rolled back %d migration%s in %d ms; schema now at version %s."),
  ROLLBACK_NOTHING("PLN722", Kind.INFO, "Nothing to roll back; schema is at version %s."),
  ROLLBACK_DRY_RUN_HEADER("PLN723", Kind.INFO,
      "-- Dry run: %d migration%s to roll back, from version %s to %s. Nothing was changed."),
  ROLLBACK_DRY_RUN_SCRIPT("PLN724", Kind.INFO, "-- %s (reverse of version %s: %s%s)"),
  VALIDATE_OK("PLN725", Kind.INFO,
      "Valid: %d applied migration%s match their files; reverse scripts present; %s."),
  VALIDATE_FAILED("PLN726", Kind.INFO, "Invalid: %d problem%s found."),
  VERIFY_OK("PLN727", Kind.INFO,
      "No drift: the database matches the schema of version %s (%d table%s, %d enum type%s)."),
  VERIFY_DRIFT("PLN728", Kind.INFO,
      "Drift: the database differs from the schema of version %s in %d place%s:"),
  VERIFY_DRIFT_ADVICE("PLN729", Kind.INFO,
      "Undo the manual changes, or make them part of the schema with a new migration."),
  RESET_DROPPED("PLN730", Kind.INFO,
      "Dropped %d table%s, %d type%s, %d schema%s and the migration history; migrating again."),
  PRUNE_DROPPED("PLN731", Kind.INFO, "Dropped backup schema %s."),
  PRUNE_SUMMARY("PLN732", Kind.INFO,
      "Dropped %d backup schema%s; rolling back those migrations will no longer restore the data they removed."),
  PRUNE_NOTHING("PLN733", Kind.INFO, "No backups to prune%s."),
  CODEGEN_DONE("PLN734", Kind.INFO,
      "Generated %d jOOQ source file%s for schema %s version %s in %s (package %s)."),
  INFO_CHECKSUM_OK("PLN735", Kind.INFO, "ok"),
  INFO_CHECKSUM_CHANGED("PLN736", Kind.INFO, "CHANGED"),
  INFO_ROLLED_BACK("PLN737", Kind.INFO, "rolled back"),
  INFO_REPLACED("PLN767", Kind.INFO, "applied, replaced by %s"),
  HISTORY_REPLACED("PLN768", Kind.INFO,
      "V%s was applied before %s replaced it (a squash, or an adopted Flyway history): its history row stays valid"
          + " without its file."),
  SQUASH_DONE("PLN769", Kind.INFO,
      "Squashed %d migrations up to version %s into %s; removed %d files. Review and commit the change; databases"
          + " already past version %2$s keep working, new ones run the squashed migration."),
  SEED_TABLE("PLN738", Kind.INFO, "Seeded %s: %d inserted, %d already there"),
  SEED_SUMMARY("PLN739", Kind.INFO,
      "Seeded environment '%s' with %d seed set(s) in %d ms: %d row(s) inserted, %d already there."),
  REPAIR_REMOVED("PLN741", Kind.INFO, "Removed the failed history row of %s; the next migrate runs it again."),
  REPAIR_DROPPED_INDEX("PLN742", Kind.INFO, "Dropped the invalid index %s that a failed CREATE INDEX CONCURRENTLY left."),
  REPAIR_KEPT_INDEX("PLN743", Kind.INFO,
      "Left the invalid index %s alone: no failed migration names it (it may be being built right now)."
          + " If it is a leftover, drop it with DROP INDEX CONCURRENTLY."),
  REPAIR_NOTHING("PLN744", Kind.INFO, "Nothing to repair: the history records no failed migration."),
  CHECK_OK("PLN745", Kind.INFO,
      "Committed migrations in %s are exactly what their journal generates (%d generated, %d hand-written);"
          + " plinth.sum and HEAD are up to date."),
  CHECK_FAILED("PLN746", Kind.INFO, "%d problem%s in %s."),
  PULL_DONE("PLN790", Kind.INFO,
      "Pulled %d table%s and %d enum type%s into %d source file%s under %s (package %s), and the baseline"
          + " migration V%s into %s."),
  PULL_UNSUPPORTED("PLN791", Kind.INFO,
      "%d thing%s the records cannot say as it is; review each (the baseline migration does not create it as"
          + " it is in the database):"),
  PULL_NOT_MODELLED("PLN996", Kind.INFO,
      "What Plinth does not model is recreated by the hand-written migration %s, which follows the baseline, from"
          + " PostgreSQL's own definitions; %s lists its objects, so verify does not report them. Review both."),
  PULL_NEXT("PLN792", Kind.INFO,
      "Next: review the records, compile them (no new migration appears), then run `plinth baseline` on this"
          + " database to record it as being at version %s."),
  BASELINE_DONE("PLN793", Kind.INFO,
      "Baselined: the database is recorded as being at version %s; migrate applies only later migrations."),
  BASELINE_REFUSED("PLN794", Kind.INFO,
      "Not baselined: the database differs from the schema of version %s in %d place%s:"),
  BASELINE_REFUSED_ADVICE("PLN795", Kind.INFO,
      "Make the database match that version (or pull it again to start from what it is) and run baseline again;"
          + " --force records the baseline anyway."),
  BASELINE_FORCED("PLN796", Kind.INFO,
      "WARNING: --force: baselined at version %s although the database differs from it in %d place%s;"
          + " the baseline row's description records that."),
  SEED_FAILED("PLN740", Kind.ERROR, "Seeding failed and was rolled back, no row was left: %s"),
  SEED_CLASSES_MISSING("PLN704", Kind.CONFIGURATION,
      "--classes %s is not a folder. Give the folder of the project's compiled classes, e.g. target/classes,"
          + " after compiling the project."),
  SEED_NOT_MIGRATED("PLN748", Kind.INFO,
      "The database lacks a table the seed sets fill: migrate it first (plinth migrate), then seed."),
  SEED_ENV_UNKNOWN("PLN749", Kind.CONFIGURATION, "No seed set belongs to environment '%s'; nothing was seeded. %s"),
  SEED_NONE_FOUND("PLN759", Kind.INFO,
      "No seed set was found at all on the class path: compile the project first (seed sets are classes"
          + " annotated @SeedSet, listed by the annotation processor); the plinth command reads the project's"
          + " target/classes or build/classes/java/main, or the folders given with --classes."),
  SEED_ENVS_KNOWN("PLN703", Kind.INFO,
      "The seed sets found belong to: %s. Use one of those, or tag a seed set with @SeedSet(env = \"%s\")."),
  FLEET_PROGRESS("PLN750", Kind.INFO,
      "fleet %s: %d done, %d failed, %d running, %d pending of %d (%.1f targets/s)"),
  FLEET_SUMMARY("PLN751", Kind.INFO,
      "fleet %s: %d target%s in %.1f s, at most %d at once: %s."),
  FLEET_CANARY_FAILED("PLN752", Kind.INFO,
      "The canary failed on %d target%s, so %d target%s were not started. Fix the failure"
          + " and run the same command again: targets already at the goal are skipped."),
  FLEET_STOPPED("PLN753", Kind.INFO,
      "Stopped at the first failure (--stop-on-failure): %d target%s not started. Fix the failure and run the"
          + " same command again: targets already at the goal are skipped."),
  FLEET_INTERRUPTED("PLN754", Kind.INFO,
      "Interrupted: %d target%s not started (the running ones were finished). Run the same command again to"
          + " continue: targets already at the goal are skipped."),
  FLEET_DRIFT_NONE("PLN755", Kind.INFO, "%d target%s at version %s: no drift"),
  FLEET_DRIFT_GROUP("PLN756", Kind.INFO, "%d target%s at version %s, drift in %d place%s:"),
  FLEET_FAILURES("PLN757", Kind.INFO, "Failures:"),
  FLEET_DRIFT_ADVICE("PLN758", Kind.INFO,
      "Targets that differ from the others were changed by hand: undo the change there, or make it part of the"
          + " schema with a new migration."),
  ;

  /** What kind of problem a message reports; the CLI derives its exit code from it. */
  public enum Kind { INFO, CONFIGURATION, CONNECTION, MIGRATION, INTEGRITY, ERROR }

  private final String id;
  private final Kind kind;
  private final String template;

  Message(String id, Kind kind, String template) {
    this.id = id;
    this.kind = kind;
    this.template = template;
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** The text without its id, formatted the same way on every machine. */
  public String text(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }

  /** The text prefixed with its id, e.g. {@code [PLN624] Database 'app' does not exist ...}. */
  public String format(Object... args) {
    return "[" + id + "] " + text(args);
  }
}
