/**
 * Seed sets of the example schema: {@link dev.plinth.example.seed.Tenants} for {@code dev} and
 * {@code test}, {@link dev.plinth.example.seed.ManyUsers} (bulk) for {@code dev} only. Run them with
 * {@code Seeder.create().run(dataSource, "dev")}.
 */
package dev.plinth.example.seed;
