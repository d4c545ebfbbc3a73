package dev.plinth.schema.render;

/**
 * How a migration's scripts are rendered, as its journal entry records it.
 *
 * @param lockTimeout the {@code lock_timeout} the script sets, or null for none: {@code SET LOCAL} in
 *     a transactional script; in one outside a transaction (only strict plans record it there),
 *     {@code SET} for the session at its start and {@code RESET} at its end
 * @param statementTimeout the {@code statement_timeout} the script sets, or null for none; set as
 *     {@code lockTimeout} is
 * @param transactional whether the scripts run inside a transaction
 * @param resumable whether the scripts guard each statement, so that they can run again
 * @param tenantSchemas whether the scripts name the default schema's objects without their schema
 *     (see {@link TenantNames})
 * @param separateValidation whether the forward script adds constraints to existing tables only
 *     {@code NOT VALID}, a later migration validating them
 * @param deferredChecksAtOnce whether a transactional script that writes rows while keys checked at
 *     commit exist checks them at once from its first write on (see {@link DeferredChecks}); scripts
 *     rendered before that leave them deferred
 * @param domainColumnsFilledFirst whether a column added to a table with rows and filled by the script
 *     (put back by a rollback, or by migrating again after one), whose type is a domain that refuses
 *     NULL, is added as the domain's base type and given the domain once filled (see
 *     {@link dev.plinth.schema.model.Schema#typeTakingNull}); scripts rendered before that add it as
 *     the domain, which PostgreSQL refuses on a table with rows
 */
public record ScriptSettings(String lockTimeout, String statementTimeout, boolean transactional,
    boolean resumable, boolean tenantSchemas, boolean separateValidation, boolean deferredChecksAtOnce,
    boolean domainColumnsFilledFirst) {

  /** Settings that render as new scripts do (keys checked at once after a write, domain columns filled first). */
  public ScriptSettings(String lockTimeout, String statementTimeout, boolean transactional,
      boolean resumable, boolean tenantSchemas, boolean separateValidation) {
    this(lockTimeout, statementTimeout, transactional, resumable, tenantSchemas, separateValidation, true);
  }

  /** Settings that fill domain columns first, as new scripts do. */
  public ScriptSettings(String lockTimeout, String statementTimeout, boolean transactional,
      boolean resumable, boolean tenantSchemas, boolean separateValidation, boolean deferredChecksAtOnce) {
    this(lockTimeout, statementTimeout, transactional, resumable, tenantSchemas, separateValidation,
        deferredChecksAtOnce, true);
  }

  /** The settings of a migration without statement timeouts or separate validation. */
  public static ScriptSettings of(String lockTimeout, boolean transactional, boolean resumable,
      boolean tenantSchemas) {
    return new ScriptSettings(lockTimeout, null, transactional, resumable, tenantSchemas, false);
  }

  /** The same settings, with {@link #deferredChecksAtOnce} as given. */
  public ScriptSettings withDeferredChecksAtOnce(boolean atOnce) {
    return new ScriptSettings(lockTimeout, statementTimeout, transactional, resumable, tenantSchemas,
        separateValidation, atOnce, domainColumnsFilledFirst);
  }

  /** The same settings, with {@link #domainColumnsFilledFirst} as given. */
  public ScriptSettings withDomainColumnsFilledFirst(boolean filledFirst) {
    return new ScriptSettings(lockTimeout, statementTimeout, transactional, resumable, tenantSchemas,
        separateValidation, deferredChecksAtOnce, filledFirst);
  }
}
