-- Subtree figures kept current by the database itself, so a national roll-up reads a handful
-- of rows instead of aggregating 250,000. Every write path (create, move, close, merge,
-- import, member counts) goes through the same row trigger, so none can forget it.
CREATE TABLE org_rollups (
  org_id int NOT NULL REFERENCES organizations(id),
  type_code text NOT NULL,
  kind_code text NOT NULL,
  orgs int NOT NULL,
  full_members bigint NOT NULL,
  probationary_members bigint NOT NULL,
  PRIMARY KEY (org_id, type_code, kind_code)
);

-- Adds one unit's contribution (or removes it, with negative figures) to itself and every ancestor.
CREATE FUNCTION org_rollup_apply(p ltree, t text, k text, n int, f bigint, pr bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO org_rollups (org_id, type_code, kind_code, orgs, full_members, probationary_members)
  SELECT ltree2text(subpath(p, i, 1))::int, t, k, n, f, pr FROM generate_series(0, nlevel(p) - 1) AS i
  ORDER BY i
  ON CONFLICT (org_id, type_code, kind_code) DO UPDATE SET
    orgs = org_rollups.orgs + EXCLUDED.orgs,
    full_members = org_rollups.full_members + EXCLUDED.full_members,
    probationary_members = org_rollups.probationary_members + EXCLUDED.probationary_members;
$$;

CREATE FUNCTION organizations_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Bulk loads switch the row trigger off and add their rows set-wise (org_rollup_add_rows).
  IF current_setting('daihoi.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
    PERFORM org_rollup_apply(OLD.path, OLD.type_code, OLD.kind_code, -1, -OLD.full_members::bigint, -OLD.probationary_members::bigint);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active' THEN
    PERFORM org_rollup_apply(NEW.path, NEW.type_code, NEW.kind_code, 1, NEW.full_members::bigint, NEW.probationary_members::bigint);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER organizations_rollup AFTER INSERT OR DELETE OR UPDATE OF path, status, type_code, kind_code, full_members, probationary_members
  ON organizations FOR EACH ROW EXECUTE FUNCTION organizations_rollup_trigger();

-- Set-wise contribution of many new rows at once (bulk loads).
CREATE FUNCTION org_rollup_add_rows(ids int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO org_rollups (org_id, type_code, kind_code, orgs, full_members, probationary_members)
  SELECT anc, type_code, kind_code, count(*)::int, sum(full_members), sum(probationary_members)
    FROM (SELECT ltree2text(subpath(o.path, i, 1))::int AS anc, o.type_code, o.kind_code, o.full_members, o.probationary_members
            FROM organizations o, generate_series(0, nlevel(o.path) - 1) AS i
           WHERE o.id = ANY(ids) AND o.status = 'active') x
   GROUP BY anc, type_code, kind_code
  ON CONFLICT (org_id, type_code, kind_code) DO UPDATE SET
    orgs = org_rollups.orgs + EXCLUDED.orgs,
    full_members = org_rollups.full_members + EXCLUDED.full_members,
    probationary_members = org_rollups.probationary_members + EXCLUDED.probationary_members;
$$;

SELECT org_rollup_add_rows(array_agg(id)) FROM organizations;
