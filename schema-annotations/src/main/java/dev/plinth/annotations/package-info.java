/**
 * The annotations a Plinth schema is written with. A table is a record annotated {@link
 * dev.plinth.annotations.Table}; its components are columns. Compiling with the Plinth processor
 * turns every change to these records into the next SQL migration and its reverse.
 */
package dev.plinth.annotations;
