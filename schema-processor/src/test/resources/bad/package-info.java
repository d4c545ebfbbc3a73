@DbSchema(name = "public") // expect: PLN372
package bad;

import dev.plinth.annotations.DbSchema;
