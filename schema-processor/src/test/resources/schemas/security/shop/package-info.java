@Role("app_reader")
@Role("app_writer")
@Role("app_old")
package shop;

import dev.plinth.annotations.Role;
