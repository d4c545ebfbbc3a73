/**
 * Adopting an existing database: the annotated records and the baseline migration for a schema
 * read from a live catalog, and what the annotations cannot say about it.
 */
package dev.plinth.schema.pull;
