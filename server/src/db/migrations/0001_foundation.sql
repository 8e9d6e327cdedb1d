CREATE EXTENSION IF NOT EXISTS ltree;

-- Levels, types and kinds are data: the 2025 reform changed the tree, and may again.
CREATE TABLE org_levels (
  level int PRIMARY KEY CHECK (level >= 1),
  name_vi text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE org_types (
  code text PRIMARY KEY,
  level int NOT NULL REFERENCES org_levels(level),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  is_grassroots boolean NOT NULL DEFAULT false,
  sort int NOT NULL DEFAULT 0
);

CREATE TABLE org_kinds (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sort int NOT NULL DEFAULT 0
);

CREATE TABLE organizations (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  search_text text NOT NULL,
  parent_id int REFERENCES organizations(id),
  -- Materialized path of ids (ltree labels), root first: subtree = path <@ root.path.
  path ltree NOT NULL,
  type_code text NOT NULL REFERENCES org_types(code),
  kind_code text NOT NULL REFERENCES org_kinds(code),
  full_members int NOT NULL DEFAULT 0 CHECK (full_members >= 0),
  probationary_members int NOT NULL DEFAULT 0 CHECK (probationary_members >= 0),
  active_from date,
  active_to date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'merged')),
  merged_into_id int REFERENCES organizations(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((parent_id IS NULL) = (nlevel(path) = 1))
);
-- Codes stay unique across history so that an old Excel file never points at the wrong unit.
CREATE UNIQUE INDEX organizations_code_key ON organizations (lower(code));
CREATE INDEX organizations_path_gist ON organizations USING gist (path);
CREATE INDEX organizations_path_btree ON organizations (path);
CREATE INDEX organizations_parent ON organizations (parent_id);

CREATE TABLE org_merges (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id int NOT NULL REFERENCES organizations(id),
  target_created boolean NOT NULL DEFAULT false,
  decision_no text NOT NULL,
  decision_date date NOT NULL,
  effective_date date NOT NULL,
  units_reduced int NOT NULL CHECK (units_reduced >= 0),
  note text,
  created_by int,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE org_merge_sources (
  merge_id int NOT NULL REFERENCES org_merges(id),
  source_id int NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (merge_id, source_id)
);
CREATE INDEX org_merge_sources_source ON org_merge_sources (source_id);

CREATE TABLE users (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  full_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'organizer', 'counter', 'viewer')),
  org_id int NOT NULL REFERENCES organizations(id),
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- Only a hash of the session token is stored: a leaked table does not leak sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  success boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_username_at ON login_attempts (lower(username), at);
CREATE INDEX login_attempts_ip_at ON login_attempts (ip, at);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id int,
  actor_username text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  -- The org the change belongs to, with its path at that time, so scoped readers see only their subtree.
  org_id int,
  org_path ltree,
  summary text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip text
);
CREATE INDEX audit_log_at ON audit_log (id DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_org_path ON audit_log USING gist (org_path);

-- Append-only: the database itself refuses to rewrite history.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE import_batches (
  id text PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  scope_org_id int NOT NULL REFERENCES organizations(id),
  file_name text NOT NULL,
  rows jsonb NOT NULL,
  errors jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'discarded')),
  created_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz
);

INSERT INTO org_levels (level, name_vi, name_en) VALUES
  (1, 'Cấp tỉnh', 'Province level'),
  (2, 'Cấp trên cơ sở (cấp huyện và tương đương)', 'District level and equivalent'),
  (3, 'Cấp cơ sở', 'Grassroots level'),
  (4, 'Chi bộ trực thuộc, đảng bộ bộ phận', 'Subordinate level'),
  (5, 'Chi bộ trực thuộc đảng bộ bộ phận', 'Cells of partial committees');

INSERT INTO org_types (code, level, name_vi, name_en, is_grassroots, sort) VALUES
  ('province', 1, 'Đảng bộ tỉnh', 'Provincial party organization', false, 10),
  ('district', 2, 'Đảng bộ cấp trên cơ sở', 'District-level party committee', false, 20),
  ('grassrootsCommittee', 3, 'Đảng bộ cơ sở', 'Grassroots party committee', true, 30),
  ('grassrootsCell', 3, 'Chi bộ cơ sở', 'Grassroots party cell', true, 40),
  ('partialCommittee', 4, 'Đảng bộ bộ phận', 'Partial committee', false, 50),
  ('subordinateCell', 4, 'Chi bộ trực thuộc', 'Subordinate cell', false, 60),
  ('subordinateCellL5', 5, 'Chi bộ trực thuộc đảng bộ bộ phận', 'Cell of a partial committee', false, 70);

INSERT INTO org_kinds (code, name_vi, name_en, sort) VALUES
  ('territorial', 'Theo địa giới hành chính', 'Territorial', 10),
  ('agencyBloc', 'Khối cơ quan', 'Agency bloc', 20),
  ('enterprise', 'Doanh nghiệp', 'Enterprise', 30),
  ('armedForces', 'Lực lượng vũ trang', 'Armed forces', 40),
  ('publicService', 'Đơn vị sự nghiệp', 'Public service unit', 50),
  ('other', 'Khác', 'Other', 90);
