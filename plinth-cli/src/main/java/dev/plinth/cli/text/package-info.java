/** The lines shown for each runner result, the same in the {@code plinth} command and the Maven plugin. */
package dev.plinth.cli.text;
