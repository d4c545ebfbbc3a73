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
 */
public record ScriptSettings(String lockTimeout, String statementTimeout, boolean transactional,
    boolean resumable, boolean tenantSchemas, boolean separateValidation) {

  /** The settings of a migration rendered before statement timeouts and separate validation. */
  public static ScriptSettings of(String lockTimeout, boolean transactional, boolean resumable,
      boolean tenantSchemas) {
    return new ScriptSettings(lockTimeout, null, transactional, resumable, tenantSchemas, false);
  }
}
