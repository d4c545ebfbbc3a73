// The goals ran in order against the embedded PostgreSQL and logged the runner's results.
def log = new File(basedir, 'build.log').text
def at = { String line ->
  int i = log.indexOf(line)
  assert i >= 0 : "build.log has no line containing: " + line
  i
}
assert new File(basedir, 'src/main/resources/db/migration/V1__create_customer.sql').isFile()
int checked = at('[INFO] Committed migrations in ' + new File(basedir, 'src/main/resources/db').canonicalPath
    + ' are exactly what their journal generates (1 generated, 0 hand-written); plinth.sum and HEAD are up to date.')
int started = at('[INFO] Embedded PostgreSQL on port 54329, data in ' + new File(basedir, '.plinth/postgres').canonicalPath)
int migrated = at('[INFO] Applied 1 migration in ')
at('[INFO] Applied V1 create customer (')
assert at('; schema now at version 1.') > migrated
int verified = at('[INFO] No drift: the database matches the schema of version 1 (1 table, 0 enum types).')
int validated = at('[INFO] Valid: 1 applied migration match their files; reverse scripts present; files match plinth.sum.')
int info = at('[INFO] Schema version: 1')
int seeded = at("[INFO] Seeded environment 'dev' with 1 seed set(s) in ")
at('[INFO] Seeded public.customer: 2 inserted, 0 already there')
def jooq = new File(basedir, 'target/generated-sources/jooq')
int generated = at('[INFO] Generated 6 jOOQ source files for schema public version 1 in ' + jooq.canonicalPath + ' (package com.example.shop.db).')
assert new File(jooq, 'com/example/shop/db/tables/Customer.java').isFile()
int repaired = at('[INFO] Nothing to repair: the history records no failed migration.')
int rolledBack = at('[INFO] Rolled back 1 migration in ')
at('[INFO] Rolled back V1 create customer (')
assert at('; schema now at version none.') > rolledBack
[checked, started, migrated, verified, validated, info, seeded, generated, repaired, rolledBack].inject { a, b -> assert a < b; b }
at('BUILD SUCCESS')
true
