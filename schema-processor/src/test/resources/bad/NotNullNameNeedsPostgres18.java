package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record NotNullNameNeedsPostgres18(
    @Id long id,
    // message: [PLN119] @Column(notNullName) (a named NOT NULL constraint) needs PostgreSQL 18 or later, but the migrations target PostgreSQL 14 (the processor option plinth.postgres). If every database they run on is PostgreSQL 18 or later, pass -Aplinth.postgres=18 to javac (Maven: <compilerArgs>); otherwise remove it.
    @Column(notNullName = "email_present") String email) {} // expect: PLN119
