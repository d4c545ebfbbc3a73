-- A realistic schema written by hand for the pull tests (issue 13): a company's operations database
-- in seven schemas, 67 tables, with foreign key cycles (hr.department <-> hr.employee,
-- crm.account <-> crm.contact, shop.product -> shop.variant -> shop.product), self-references,
-- serial and identity columns (with options and sequence names of their own), named primary keys,
-- enum types with labels that are no Java names, a standalone enum type, composite keys, uniques,
-- checks, indexes of every method (partial, expression, INCLUDE, operator classes, DESC), comments
-- and views (over views too).
-- Everything in it can be said by the records: pull must report nothing.

CREATE SCHEMA crm;
CREATE SCHEMA billing;
CREATE SCHEMA shop;
CREATE SCHEMA hr;
CREATE SCHEMA support;
CREATE SCHEMA audit;

CREATE TYPE region AS ENUM ('emea', 'americas', 'apac');
CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
-- No column uses it: the records declare it standalone.
CREATE TYPE moon_phase AS ENUM ('new', 'waxing', 'full', 'waning');
CREATE TYPE crm.stage AS ENUM ('lead', 'qualified', 'proposal', 'won', 'lost');
CREATE TYPE billing.payment_state AS ENUM ('pending', 'settled', 'refunded', 'charged back');
CREATE TYPE shop.order_state AS ENUM ('cart', 'placed', 'paid', 'shipped', 'delivered', 'cancelled');
CREATE TYPE support.priority AS ENUM ('low', 'normal', 'high', 'very high', '1st-line', 'class', 'N/A');
CREATE TYPE hr.contract_kind AS ENUM ('full-time', 'part-time', 'contractor', 'intern');

-- public: the tenancy core

CREATE TABLE tenant (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug character varying(63) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
  name text NOT NULL,
  region region NOT NULL DEFAULT 'emea',
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE tenant IS 'A customer of the platform; everything else belongs to one.';
COMMENT ON COLUMN tenant.slug IS 'Lower-case name used in URLs.';

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id bigint NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  email character varying(320) NOT NULL,
  display_name text,
  locale character varying(10) NOT NULL DEFAULT 'en',
  is_admin boolean NOT NULL DEFAULT false,
  last_login timestamp with time zone,
  login_count integer NOT NULL DEFAULT 0 CHECK (login_count >= 0)
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (tenant_id, lower(email));
CREATE INDEX app_user_admins_idx ON app_user (tenant_id) WHERE is_admin;
COMMENT ON COLUMN app_user.email IS 'Sign-in address, unique per tenant whatever its case.';

CREATE TABLE api_key (
  id serial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  prefix character varying(8) NOT NULL,
  secret_hash bytea NOT NULL,
  expires_on date,
  scopes text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX api_key_prefix_idx ON api_key USING hash (prefix);
CREATE INDEX api_key_scopes_idx ON api_key USING gin (scopes);

CREATE TABLE feature_flag (
  key text PRIMARY KEY,
  description text NOT NULL,
  enabled boolean NOT NULL DEFAULT false,
  rollout smallint NOT NULL DEFAULT 0 CONSTRAINT feature_flag_rollout_range CHECK (rollout BETWEEN 0 AND 100)
);

CREATE TABLE tenant_feature (
  tenant_id bigint NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  flag_key text NOT NULL REFERENCES feature_flag (key) ON UPDATE CASCADE,
  enabled boolean NOT NULL,
  CONSTRAINT tenant_feature_pk PRIMARY KEY (tenant_id, flag_key)
);

CREATE TABLE holiday (
  region region NOT NULL,
  day date NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (region, day)
);

CREATE TABLE office (
  id smallserial PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES tenant (id),
  city text NOT NULL,
  open_days weekday[] NOT NULL DEFAULT '{mon,tue,wed,thu,fri}',
  opens_at time without time zone NOT NULL DEFAULT '09:00',
  closes_at time without time zone NOT NULL DEFAULT '17:00',
  CONSTRAINT office_hours CHECK (opens_at < closes_at),
  UNIQUE (tenant_id, city)
);

CREATE TABLE currency (
  code character varying(3) PRIMARY KEY,
  name text NOT NULL,
  minor_units smallint NOT NULL DEFAULT 2
);

CREATE TABLE exchange_rate (
  base character varying(3) NOT NULL REFERENCES currency (code),
  quote character varying(3) NOT NULL REFERENCES currency (code),
  on_day date NOT NULL,
  rate numeric(18,8) NOT NULL CHECK (rate > 0),
  PRIMARY KEY (base, quote, on_day)
);
CREATE INDEX exchange_rate_on_day_idx ON exchange_rate USING brin (on_day);

CREATE TABLE country (
  code character varying(2) PRIMARY KEY,
  name text NOT NULL UNIQUE,
  currency_code character varying(3) REFERENCES currency (code),
  region region NOT NULL
);

CREATE TABLE address (
  id bigserial PRIMARY KEY,
  line1 text NOT NULL,
  line2 text,
  postal_code character varying(16),
  city text NOT NULL,
  country_code character varying(2) NOT NULL REFERENCES country (code)
);
CREATE INDEX address_city_idx ON address (country_code, lower(city));

-- hr: departments and employees reference each other

CREATE TABLE hr.department (
  id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 1) PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  name text NOT NULL,
  parent_id integer REFERENCES hr.department (id),
  manager_id integer,
  UNIQUE (tenant_id, name)
);
COMMENT ON TABLE hr.department IS 'A unit of the organisation chart.';

CREATE TABLE hr.employee (
  id integer GENERATED ALWAYS AS IDENTITY (START WITH 1000 CACHE 10) PRIMARY KEY,
  department_id integer NOT NULL REFERENCES hr.department (id),
  manager_id integer REFERENCES hr.employee (id) ON DELETE SET NULL,
  user_id uuid UNIQUE REFERENCES public.app_user (id) ON DELETE SET NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  hired_on date NOT NULL,
  left_on date,
  salary numeric(12,2) CHECK (salary > 0),
  CONSTRAINT employee_dates CHECK (left_on IS NULL OR left_on >= hired_on)
);
ALTER TABLE hr.department ADD CONSTRAINT department_manager_fk FOREIGN KEY (manager_id)
  REFERENCES hr.employee (id) ON DELETE SET NULL;
CREATE INDEX employee_name_idx ON hr.employee (last_name, first_name);
CREATE INDEX employee_current_idx ON hr.employee (department_id) INCLUDE (manager_id) WHERE left_on IS NULL;

CREATE TABLE hr.contract (
  employee_id integer NOT NULL REFERENCES hr.employee (id) ON DELETE CASCADE,
  starts_on date NOT NULL,
  kind hr.contract_kind NOT NULL,
  hours_per_week real NOT NULL DEFAULT 40,
  ends_on date,
  CONSTRAINT contract_pkey PRIMARY KEY (employee_id, starts_on)
);

CREATE TABLE hr.skill (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE hr.employee_skill (
  employee_id integer NOT NULL REFERENCES hr.employee (id) ON DELETE CASCADE,
  skill_id integer NOT NULL REFERENCES hr.skill (id) ON DELETE CASCADE,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (employee_id, skill_id)
);

CREATE TABLE hr.leave_request (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  employee_id integer NOT NULL REFERENCES hr.employee (id),
  approver_id integer REFERENCES hr.employee (id),
  from_day date NOT NULL,
  to_day date NOT NULL,
  reason text,
  approved boolean,
  CHECK (from_day <= to_day)
);
CREATE INDEX leave_request_open_idx ON hr.leave_request (approver_id) WHERE approved IS NULL;

CREATE TABLE hr.timesheet (
  employee_id integer NOT NULL REFERENCES hr.employee (id),
  week_start date NOT NULL,
  day weekday NOT NULL,
  minutes integer NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
  PRIMARY KEY (employee_id, week_start, day)
);

CREATE TABLE hr.payroll_run (
  id integer GENERATED ALWAYS AS IDENTITY (INCREMENT BY 5 MINVALUE 5 MAXVALUE 1000000 CYCLE) PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  period_start date NOT NULL,
  period_end date NOT NULL,
  paid_at timestamp with time zone,
  UNIQUE (tenant_id, period_start)
);

CREATE TABLE hr.payslip (
  payroll_run_id integer NOT NULL REFERENCES hr.payroll_run (id),
  employee_id integer NOT NULL REFERENCES hr.employee (id),
  gross numeric(12,2) NOT NULL,
  net numeric(12,2) NOT NULL,
  CONSTRAINT payslip_net_le_gross CHECK (net <= gross),
  CONSTRAINT payslip_primary PRIMARY KEY (payroll_run_id, employee_id)
);

-- crm: accounts and their primary contacts reference each other

CREATE TABLE crm.account (
  id bigserial PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id) ON DELETE CASCADE,
  name text NOT NULL,
  website text,
  primary_contact_id bigint,
  owner_id integer REFERENCES hr.employee (id),
  billing_address_id bigint REFERENCES public.address (id),
  created_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX account_name_idx ON crm.account (tenant_id, lower(name));
COMMENT ON TABLE crm.account IS 'A company the tenant sells to.';

CREATE TABLE crm.contact (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES crm.account (id) ON DELETE CASCADE,
  first_name text,
  last_name text NOT NULL,
  email character varying(320),
  phone character varying(32),
  tags text[] NOT NULL DEFAULT '{}',
  UNIQUE (account_id, email)
);
ALTER TABLE crm.account ADD FOREIGN KEY (primary_contact_id) REFERENCES crm.contact (id) ON DELETE SET NULL;
CREATE INDEX contact_tags_idx ON crm.contact USING gin (tags);

CREATE TABLE crm.deal (
  id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 5000 INCREMENT BY 7) PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES crm.account (id),
  title text NOT NULL,
  stage crm.stage NOT NULL DEFAULT 'lead',
  amount numeric(14,2),
  currency_code character varying(3) NOT NULL DEFAULT 'EUR' REFERENCES public.currency (code),
  expected_close date,
  stages_seen crm.stage[] NOT NULL DEFAULT '{}'
);
CREATE INDEX deal_open_idx ON crm.deal (expected_close DESC) WHERE stage NOT IN ('won', 'lost');

CREATE TABLE crm.deal_note (
  deal_id bigint NOT NULL REFERENCES crm.deal (id) ON DELETE CASCADE,
  position integer NOT NULL,
  body text NOT NULL,
  written_at timestamp with time zone NOT NULL DEFAULT now(),
  PRIMARY KEY (deal_id, position)
);

CREATE TABLE crm.activity (
  id bigserial PRIMARY KEY,
  contact_id bigint NOT NULL REFERENCES crm.contact (id) ON DELETE CASCADE,
  deal_id bigint REFERENCES crm.deal (id),
  kind text NOT NULL CHECK (kind IN ('call', 'mail', 'meeting')),
  happened_at timestamp with time zone NOT NULL,
  minutes integer
);
CREATE INDEX activity_happened_at_idx ON crm.activity USING brin (happened_at);

CREATE TABLE crm.campaign (
  id serial PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  name text NOT NULL,
  budget numeric,
  starts_on date NOT NULL,
  ends_on date,
  UNIQUE (tenant_id, name)
);

CREATE TABLE crm.campaign_member (
  campaign_id integer NOT NULL REFERENCES crm.campaign (id) ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES crm.contact (id) ON DELETE CASCADE,
  responded boolean NOT NULL DEFAULT false,
  PRIMARY KEY (campaign_id, contact_id)
);

CREATE TABLE crm.segment (
  id serial PRIMARY KEY,
  name text NOT NULL,
  rules jsonb NOT NULL
);
CREATE INDEX segment_rules_idx ON crm.segment USING gin (rules jsonb_path_ops);

CREATE TABLE crm.segment_account (
  segment_id integer NOT NULL REFERENCES crm.segment (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES crm.account (id) ON DELETE CASCADE,
  PRIMARY KEY (segment_id, account_id)
);

-- shop: products, variants (a product's default variant closes a cycle), orders

CREATE TABLE shop.category (
  id serial PRIMARY KEY,
  parent_id integer REFERENCES shop.category (id),
  name text NOT NULL,
  path text NOT NULL UNIQUE
);
CREATE INDEX category_path_idx ON shop.category (path text_pattern_ops);

CREATE TABLE shop.product (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  category_id integer REFERENCES shop.category (id) ON DELETE SET NULL,
  sku character varying(40) NOT NULL,
  name text NOT NULL,
  description text,
  default_variant_id bigint,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (tenant_id, sku)
);
CREATE INDEX product_attributes_idx ON shop.product USING gin (attributes);
COMMENT ON COLUMN shop.product.sku IS 'Stock keeping unit, unique per tenant.';

CREATE TABLE shop.variant (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id bigint NOT NULL REFERENCES shop.product (id) ON DELETE CASCADE,
  label text NOT NULL,
  price numeric(10,2) NOT NULL CHECK (price >= 0),
  currency_code character varying(3) NOT NULL REFERENCES public.currency (code),
  weight_grams integer,
  UNIQUE (product_id, label)
);
ALTER TABLE shop.product ADD CONSTRAINT product_default_variant_fk FOREIGN KEY (default_variant_id)
  REFERENCES shop.variant (id);

CREATE TABLE shop.warehouse (
  id smallint GENERATED BY DEFAULT AS IDENTITY (MAXVALUE 999) PRIMARY KEY,
  code character varying(8) NOT NULL UNIQUE,
  address_id bigint NOT NULL REFERENCES public.address (id)
);

CREATE TABLE shop.stock (
  warehouse_id smallint NOT NULL REFERENCES shop.warehouse (id),
  variant_id bigint NOT NULL REFERENCES shop.variant (id) ON DELETE CASCADE,
  on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved integer NOT NULL DEFAULT 0,
  CONSTRAINT stock_reserved_le_on_hand CHECK (reserved <= on_hand),
  PRIMARY KEY (warehouse_id, variant_id)
);

CREATE TABLE shop.customer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  email character varying(320) NOT NULL,
  name text,
  shipping_address_id bigint REFERENCES public.address (id),
  marketing_opt_in boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX customer_email_idx ON shop.customer (tenant_id, lower(email));

CREATE TABLE shop."order" (
  id bigserial CONSTRAINT order_primary PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES shop.customer (id),
  state shop.order_state NOT NULL DEFAULT 'cart',
  placed_at timestamp with time zone,
  total numeric(12,2) NOT NULL DEFAULT 0,
  currency_code character varying(3) NOT NULL REFERENCES public.currency (code),
  note text
);
CREATE INDEX order_customer_idx ON shop."order" (customer_id, placed_at DESC);
CREATE INDEX order_unpaid_idx ON shop."order" (placed_at) WHERE state = 'placed';

CREATE TABLE shop.order_line (
  order_id bigint NOT NULL REFERENCES shop."order" (id) ON DELETE CASCADE,
  line_no smallint NOT NULL,
  variant_id bigint NOT NULL REFERENCES shop.variant (id),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shop.coupon (
  code character varying(32) PRIMARY KEY,
  percent_off smallint CHECK (percent_off BETWEEN 1 AND 100),
  valid_until timestamp without time zone,
  max_uses integer
);

CREATE TABLE shop.order_coupon (
  order_id bigint NOT NULL REFERENCES shop."order" (id) ON DELETE CASCADE,
  coupon_code character varying(32) NOT NULL REFERENCES shop.coupon (code) ON UPDATE CASCADE,
  PRIMARY KEY (order_id, coupon_code)
);

CREATE TABLE shop.shipment (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES shop."order" (id),
  warehouse_id smallint NOT NULL REFERENCES shop.warehouse (id),
  carrier text NOT NULL,
  tracking_number text,
  shipped_at timestamp with time zone,
  delivered_at timestamp with time zone
);
CREATE UNIQUE INDEX shipment_tracking_idx ON shop.shipment (carrier, tracking_number)
  WHERE tracking_number IS NOT NULL;

CREATE TABLE shop.review (
  id bigserial PRIMARY KEY,
  product_id bigint NOT NULL REFERENCES shop.product (id) ON DELETE CASCADE,
  customer_id uuid REFERENCES shop.customer (id) ON DELETE SET NULL,
  stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  body text,
  written_at timestamp with time zone NOT NULL DEFAULT now()
);

CREATE TABLE shop.wishlist (
  customer_id uuid NOT NULL REFERENCES shop.customer (id) ON DELETE CASCADE,
  variant_id bigint NOT NULL REFERENCES shop.variant (id) ON DELETE CASCADE,
  added_at timestamp with time zone NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, variant_id)
);

CREATE TABLE shop.price_history (
  variant_id bigint NOT NULL REFERENCES shop.variant (id) ON DELETE CASCADE,
  valid_from timestamp with time zone NOT NULL,
  price numeric(10,2) NOT NULL,
  PRIMARY KEY (variant_id, valid_from)
);
CREATE INDEX price_history_valid_from_idx ON shop.price_history USING brin (valid_from);

-- billing

CREATE TABLE billing.plan (
  code character varying(20) PRIMARY KEY,
  name text NOT NULL,
  monthly_price numeric(8,2) NOT NULL,
  seats integer,
  retired boolean NOT NULL DEFAULT false
);

CREATE TABLE billing.subscription (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  plan_code character varying(20) NOT NULL REFERENCES billing.plan (code),
  starts_on date NOT NULL,
  ends_on date,
  seats integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX subscription_current_idx ON billing.subscription (tenant_id) WHERE ends_on IS NULL;

CREATE TABLE billing.invoice (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10000) PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  subscription_id bigint REFERENCES billing.subscription (id),
  number character varying(20) NOT NULL,
  issued_on date NOT NULL,
  due_on date NOT NULL,
  total numeric(12,2) NOT NULL,
  currency_code character varying(3) NOT NULL REFERENCES public.currency (code),
  UNIQUE (tenant_id, number),
  CHECK (due_on >= issued_on)
);
COMMENT ON TABLE billing.invoice IS 'An invoice sent to a tenant.';

CREATE TABLE billing.invoice_line (
  invoice_id bigint NOT NULL REFERENCES billing.invoice (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  description text NOT NULL,
  quantity numeric(10,3) NOT NULL DEFAULT 1,
  unit_price numeric(12,2) NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE billing.payment (
  id bigserial PRIMARY KEY,
  invoice_id bigint NOT NULL REFERENCES billing.invoice (id),
  state billing.payment_state NOT NULL DEFAULT 'pending',
  amount numeric(12,2) NOT NULL CHECK (amount <> 0),
  received_at timestamp with time zone,
  provider_ref text UNIQUE
);
CREATE INDEX payment_pending_idx ON billing.payment (invoice_id) WHERE state = 'pending';

CREATE TABLE billing.credit_note (
  id serial PRIMARY KEY,
  invoice_id bigint NOT NULL REFERENCES billing.invoice (id),
  amount numeric(12,2) NOT NULL,
  reason text NOT NULL
);

CREATE TABLE billing.tax_rate (
  country_code character varying(2) NOT NULL REFERENCES public.country (code),
  valid_from date NOT NULL,
  percent numeric(5,2) NOT NULL,
  PRIMARY KEY (country_code, valid_from)
);

CREATE TABLE billing.usage_record (
  subscription_id bigint NOT NULL REFERENCES billing.subscription (id),
  metric text NOT NULL,
  recorded_at timestamp with time zone NOT NULL,
  quantity bigint NOT NULL,
  PRIMARY KEY (subscription_id, metric, recorded_at)
);
CREATE INDEX usage_record_recorded_at_idx ON billing.usage_record USING brin (recorded_at);

CREATE TABLE billing.dunning_step (
  invoice_id bigint NOT NULL REFERENCES billing.invoice (id) ON DELETE CASCADE,
  step smallint NOT NULL,
  sent_at timestamp with time zone NOT NULL,
  PRIMARY KEY (invoice_id, step)
);

CREATE TABLE billing.payment_method (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  kind text NOT NULL,
  last4 character varying(4),
  expires_on date,
  is_default boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX payment_method_default_idx ON billing.payment_method (tenant_id) WHERE is_default;

-- support

CREATE TABLE support.queue (
  id smallserial PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  name text NOT NULL,
  default_priority support.priority NOT NULL DEFAULT 'normal',
  UNIQUE (tenant_id, name)
);

CREATE TABLE support.ticket (
  id bigserial CONSTRAINT ticket_primary PRIMARY KEY,
  number bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME support.ticket_numbers START WITH 1000
    INCREMENT BY 10 CACHE 20),
  queue_id smallint NOT NULL REFERENCES support.queue (id),
  customer_id uuid REFERENCES shop.customer (id),
  assignee_id integer REFERENCES hr.employee (id) ON DELETE SET NULL,
  subject text NOT NULL,
  priority support.priority NOT NULL DEFAULT 'normal',
  opened_at timestamp with time zone NOT NULL DEFAULT now(),
  closed_at timestamp with time zone,
  UNIQUE (number)
);
CREATE INDEX ticket_open_idx ON support.ticket (queue_id, priority) WHERE closed_at IS NULL;
COMMENT ON COLUMN support.ticket.number IS 'The number customers quote.';

CREATE TABLE support.message (
  ticket_id bigint NOT NULL REFERENCES support.ticket (id) ON DELETE CASCADE,
  position integer NOT NULL,
  author_user_id uuid REFERENCES public.app_user (id),
  body text NOT NULL,
  internal boolean NOT NULL DEFAULT false,
  sent_at timestamp with time zone NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, position)
);

CREATE TABLE support.attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_id bigint NOT NULL,
  message_position integer NOT NULL,
  file_name text NOT NULL,
  bytes bigint NOT NULL CHECK (bytes >= 0),
  content bytea,
  FOREIGN KEY (ticket_id, message_position) REFERENCES support.message (ticket_id, position) ON DELETE CASCADE
);

CREATE TABLE support.sla_policy (
  queue_id smallint NOT NULL REFERENCES support.queue (id) ON DELETE CASCADE,
  priority support.priority NOT NULL,
  first_response_minutes integer NOT NULL,
  resolution_minutes integer NOT NULL,
  PRIMARY KEY (queue_id, priority)
);

CREATE TABLE support.tag (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  colour character varying(7) CHECK (colour ~ '^#[0-9a-f]{6}$')
);

CREATE TABLE support.ticket_tag (
  ticket_id bigint NOT NULL REFERENCES support.ticket (id) ON DELETE CASCADE,
  tag_id integer NOT NULL REFERENCES support.tag (id) ON DELETE CASCADE,
  PRIMARY KEY (ticket_id, tag_id)
);

CREATE TABLE support.satisfaction (
  ticket_id bigint PRIMARY KEY REFERENCES support.ticket (id) ON DELETE CASCADE,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text
);

CREATE TABLE support.macro (
  id serial PRIMARY KEY,
  queue_id smallint REFERENCES support.queue (id),
  title text NOT NULL,
  body text NOT NULL,
  uses integer NOT NULL DEFAULT 0
);

-- audit

CREATE TABLE audit.event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint REFERENCES public.tenant (id) ON DELETE SET NULL,
  actor_id uuid REFERENCES public.app_user (id) ON DELETE SET NULL,
  action text NOT NULL,
  target text NOT NULL,
  payload jsonb,
  happened_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX event_happened_at_idx ON audit.event USING brin (happened_at);
CREATE INDEX event_target_idx ON audit.event USING hash (target);
COMMENT ON TABLE audit.event IS 'Everything anyone changed, append only.';

CREATE TABLE audit.login (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES public.app_user (id) ON DELETE CASCADE,
  at timestamp with time zone NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL,
  user_agent text
);
CREATE INDEX login_failed_idx ON audit.login (user_id, at DESC) WHERE NOT succeeded;

CREATE TABLE audit.data_export (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id bigint NOT NULL REFERENCES public.tenant (id),
  requested_by uuid NOT NULL REFERENCES public.app_user (id),
  requested_at timestamp with time zone NOT NULL DEFAULT now(),
  finished_at timestamp with time zone,
  tables text[] NOT NULL
);

CREATE TABLE audit.retention_rule (
  target text PRIMARY KEY,
  keep_days integer NOT NULL CHECK (keep_days > 0),
  applies_on weekday[] NOT NULL DEFAULT '{sun}'
);

CREATE TABLE audit.schema_note (
  "table" text NOT NULL,
  "column" text NOT NULL,
  note text NOT NULL,
  PRIMARY KEY ("table", "column")
);

-- Views, pulled as @View records: over tables of several schemas, over views (three levels), with
-- enum, enum array and aggregate columns, a reserved word and a name with a space as names. (Not a
-- keyword its queries use, such as "select": the processor takes a view to read every view whose name
-- appears among its query's words, so that name would make every view read it, a cycle.)
CREATE VIEW active_user AS
  SELECT u.id, u.tenant_id, u.email, t.region
  FROM app_user u JOIN tenant t ON t.id = u.tenant_id
  WHERE u.last_login > now() - interval '90 days';

CREATE VIEW shop.open_order AS
  SELECT o.id, o.customer_id, o.state, o.total, c.email
  FROM shop."order" o JOIN shop.customer c ON c.id = o.customer_id
  WHERE o.state IN ('placed', 'paid');

CREATE VIEW shop.big_open_order AS SELECT id, total FROM shop.open_order WHERE total > 1000;

CREATE VIEW audit."check" AS SELECT count(*) AS big_orders, sum(total) AS amount FROM shop.big_open_order;

CREATE VIEW support.ticket_queue AS
  SELECT q.id AS queue_id, q.name, count(t.id) AS open_tickets, max(t.priority) AS top_priority
  FROM support.queue q LEFT JOIN support.ticket t ON t.queue_id = q.id AND t.closed_at IS NULL
  GROUP BY q.id, q.name;

CREATE VIEW "Weekly Hours" AS
  SELECT employee_id, week_start, sum(minutes) / 60.0 AS hours, array_agg(day ORDER BY day) AS days
  FROM hr.timesheet GROUP BY employee_id, week_start;

CREATE VIEW retention AS SELECT target, keep_days, applies_on FROM audit.retention_rule;
