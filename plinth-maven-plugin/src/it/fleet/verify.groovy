// The fleet goals ran in order on the three databases and logged the fleet's reports; each database
// is rolled back, with its own history.
def server = System.properties.remove('plinth.it.fleet.server')
try {
  def log = new File(basedir, 'build.log').text
  def at = { String line ->
    int i = log.indexOf(line)
    assert i >= 0 : "build.log has no line containing: " + line
    i
  }
  assert new File(basedir, 'src/main/resources/db/migration/V1__create_note.sql').isFile()
  int migrated = at('[INFO] fleet migrate: 3 targets in ')
  assert at(', at most 2 at once: 3 migrated.') > migrated
  int verified = at('[INFO] fleet verify: 3 targets in ')
  at('[INFO] 3 targets at version 1: no drift')
  int info = at('[INFO] fleet info: 3 targets in ')
  int rolledBack = at('[INFO] fleet rollback: 3 targets in ')
  assert at(': 3 rolled back.') > rolledBack
  [migrated, verified, info, rolledBack].inject { a, b -> assert a < b; b }
  at("localhost:${server.port}/fleet_b")
  at('BUILD SUCCESS')
  ['fleet_a', 'fleet_b', 'fleet_c'].each { name ->
    server.getDatabase('postgres', name).connection.withCloseable { c ->
      def rs = c.createStatement().executeQuery(
          "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history WHERE success")
      rs.next()
      assert rs.getString(1) == null : "$name: history ${rs.getString(1)}"
      rs = c.createStatement().executeQuery("SELECT to_regclass('public.note')")
      rs.next()
      assert rs.getString(1) == null : "$name: note was not dropped"
    }
  }
} finally {
  server?.close()
}
true
