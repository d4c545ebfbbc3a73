@DbSchema(name = "archive", comment = "Rows kept for the auditors")
package archive;

import dev.plinth.annotations.DbSchema;
