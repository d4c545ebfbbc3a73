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
 */
public record ScriptSettings(String lockTimeout, String statementTimeout, boolean transactional,
    boolean resumable, boolean tenantSchemas, boolean separateValidation, boolean deferredChecksAtOnce) {

  /** Settings that check keys checked at commit at once once the script writes rows, as new scripts do. */
  public ScriptSettings(String lockTimeout, String statementTimeout, boolean transactional,
      boolean resumable, boolean tenantSchemas, boolean separateValidation) {
    this(lockTimeout, statementTimeout, transactional, resumable, tenantSchemas, separateValidation, true);
  }

  /** The settings of a migration without statement timeouts or separate validation. */
  public static ScriptSettings of(String lockTimeout, boolean transactional, boolean resumable,
      boolean tenantSchemas) {
    return new ScriptSettings(lockTimeout, null, transactional, resumable, tenantSchemas, false);
  }

  /** The same settings, with {@link #deferredChecksAtOnce} as given. */
  public ScriptSettings withDeferredChecksAtOnce(boolean atOnce) {
    return new ScriptSettings(lockTimeout, statementTimeout, transactional, resumable, tenantSchemas,
        separateValidation, atOnce);
  }
}
