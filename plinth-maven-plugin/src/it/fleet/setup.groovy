// A PostgreSQL for this test with three empty databases, listed in fleet.txt; verify.groovy stops it.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

def server = EmbeddedPostgres.builder().start()
System.properties.put('plinth.it.fleet.server', server)
def urls = ['fleet_a', 'fleet_b', 'fleet_c'].collect { name ->
  server.postgresDatabase.connection.withCloseable { it.createStatement().execute("CREATE DATABASE $name") }
  "jdbc:postgresql://localhost:${server.port}/$name"
}
new File(basedir, 'fleet.txt').text = "# the fleet of this test\n" + urls.join('\n') + '\n'
true
