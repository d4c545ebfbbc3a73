/** Finding the database: flags, environment, {@code .env}; URL parsing, conversion and validation. */
package dev.plinth.runner.config;
