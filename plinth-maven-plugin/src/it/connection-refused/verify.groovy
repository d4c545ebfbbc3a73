def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal dev.plinth:plinth-maven-plugin:') : log
assert log.contains(':info (default-cli) on project connection-refused: [PLN620] Cannot connect to PostgreSQL at'
    + ' localhost:1: connection refused. Is the server running and listening on that port? Check the host and port in'
    + ' <url> (or -Dplinth.url).') : log
assert !log.contains('pw-never-shown') : 'the password was printed'
assert !(log =~ /(?m)^\s+at [a-z]/) : 'a stack trace was printed'
true
