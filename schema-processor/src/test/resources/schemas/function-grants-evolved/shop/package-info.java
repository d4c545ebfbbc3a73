@Role("fn_reader")
@Role("fn_writer")
package shop;

import dev.plinth.annotations.Role;
