@Role("app_reader")
@Role("app_writer")
package shop;

import dev.plinth.annotations.Role;
