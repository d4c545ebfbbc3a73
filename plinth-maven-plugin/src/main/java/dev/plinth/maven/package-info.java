/**
 * The {@code plinth} Maven goals: one small Mojo per goal over {@link dev.plinth.maven.AbstractPlinthMojo},
 * each calling the runner library ({@link dev.plinth.runner.Plinth}) and logging its result.
 */
package dev.plinth.maven;
