package shop;

import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

@Table(name = "orders")
@Grant(to = "app_writer", privileges = {Privilege.SELECT, Privilege.INSERT})
@Grant(to = "app_writer", privileges = Privilege.USAGE, sequence = "orders_id_seq")
@Grant(to = "app_reader", privileges = Privilege.SELECT, sequence = "orders_id_seq")
public record Order(@Id @Serial long id, String item) {}
