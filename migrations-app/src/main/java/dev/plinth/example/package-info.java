/**
 * The example schema: a small forms platform. Organizations own forms; users join organizations
 * through memberships; each form has numbered versions whose definition is JSON; submissions hold
 * the answers; audit events record what happened. Its generated migrations are committed under
 * {@code src/main/resources/db}.
 */
package dev.plinth.example;
