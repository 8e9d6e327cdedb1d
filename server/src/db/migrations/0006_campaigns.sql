-- Congress campaigns (issue 4): a campaign for a term covers a subtree; every organization in it
-- gets a congress; each congress has a lifecycle with history. Dashboards read counters the
-- database keeps current (like org_rollups), so a national roll-up reads a handful of rows.
CREATE TABLE campaigns (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  term_from int NOT NULL,
  term_to int NOT NULL CHECK (term_to > term_from),
  preset text NOT NULL,
  directive text NOT NULL,
  plan text,
  root_org_id int NOT NULL REFERENCES organizations(id),
  -- Per level: deadline, provincial target, window start, maximum duration (schedule-rules.ts LevelRule).
  levels jsonb NOT NULL,
  -- Form threshold, notice days, contents allowed, cell term mode, epidemic plan (CampaignSettings).
  settings jsonb NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_root ON campaigns (root_org_id);

CREATE TABLE congresses (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  org_id int NOT NULL REFERENCES organizations(id),
  -- The organization's path, kept equal to organizations.path by trigger (below).
  org_path ltree NOT NULL,
  level int NOT NULL,
  status text NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed', 'cancelled')),
  form text NOT NULL CHECK (form IN ('members', 'delegates')),
  contents smallint NOT NULL DEFAULT 4 CHECK (contents IN (2, 3, 4)),
  -- Upper-level consent (3 contents) or the merger / establishment decision (2 contents).
  contents_basis text,
  cell_term_mode text CHECK (cell_term_mode IN ('twicePer5y', 'oncePer5y')),
  planned_start date,
  planned_end date,
  duration_days numeric(4, 1) CHECK (duration_days > 0),
  preparatory_days numeric(3, 1) NOT NULL DEFAULT 0 CHECK (preparatory_days >= 0),
  actual_start date,
  actual_end date,
  notice_date date,
  venue text,
  expected_attendance int CHECK (expected_attendance >= 0),
  is_pilot boolean NOT NULL DEFAULT false,
  postpone_count int NOT NULL DEFAULT 0,
  last_postpone_reason text,
  held_override boolean NOT NULL DEFAULT false,
  -- Rule warnings in force (deadline, duration, notice, form, contents) and the recorded reason accepting them.
  warning_codes text[] NOT NULL DEFAULT '{}',
  warnings_accepted_reason text,
  approval_ref text,
  results_ref text,
  -- "Dân tin, Đảng cử": the residents' election of the village head (cells only).
  village_election jsonb,
  village_head_is_secretary boolean,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, org_id),
  CHECK (planned_end IS NULL OR planned_start IS NOT NULL AND planned_end >= planned_start),
  CHECK (actual_end IS NULL OR actual_start IS NOT NULL AND actual_end >= actual_start)
);
CREATE INDEX congresses_org ON congresses (org_id);
CREATE INDEX congresses_path_gist ON congresses USING gist (org_path);
CREATE INDEX congresses_campaign_path ON congresses (campaign_id, org_path);
CREATE INDEX congresses_campaign_start ON congresses (campaign_id, (coalesce(actual_start, planned_start)));

-- What happened to a congress, in order (the page's history); the audit log keeps who and when too.
CREATE TABLE congress_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL REFERENCES congresses(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id int,
  actor_name text,
  kind text NOT NULL,
  from_status text,
  to_status text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX congress_history_congress ON congress_history (congress_id, id);

-- Pilots: organizations invited to observe, lessons drawn after it.
CREATE TABLE congress_observers (
  congress_id int NOT NULL REFERENCES congresses(id),
  org_id int NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (congress_id, org_id)
);
CREATE TABLE congress_lessons (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL REFERENCES congresses(id),
  text text NOT NULL,
  author_user_id int,
  author_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX congress_lessons_congress ON congress_lessons (congress_id);

-- Upper-level standing-committee members who direct and attend congresses.
CREATE TABLE campaign_directors (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  org_id int NOT NULL REFERENCES organizations(id),
  full_name text NOT NULL,
  position text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_directors_campaign ON campaign_directors (campaign_id);
CREATE TABLE congress_assignments (
  congress_id int NOT NULL REFERENCES congresses(id),
  director_id int NOT NULL REFERENCES campaign_directors(id),
  duty text NOT NULL CHECK (duty IN ('direct', 'attend')),
  PRIMARY KEY (congress_id, director_id)
);
CREATE INDEX congress_assignments_director ON congress_assignments (director_id);

-- Sessions of a congress and the safety checklist ticked per session (epidemic plan).
CREATE TABLE congress_sessions (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL REFERENCES congresses(id),
  label text NOT NULL,
  session_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('preparatory', 'official')),
  checks jsonb NOT NULL DEFAULT '{}'::jsonb,
  note text,
  checked_by text,
  checked_at timestamptz
);
CREATE INDEX congress_sessions_congress ON congress_sessions (congress_id);

-- ---- Maintained counters ----
-- 0/1 metrics of each congress summed per (campaign, ancestor organization, level of the congress).
CREATE TABLE campaign_rollups (
  campaign_id int NOT NULL,
  org_id int NOT NULL,
  level int NOT NULL,
  metric text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (campaign_id, org_id, level, metric)
);
-- Day histograms: done (held, by closing day), calDone (held, by opening day), calPlanned (not held, by planned opening).
CREATE TABLE campaign_daily (
  campaign_id int NOT NULL,
  org_id int NOT NULL,
  level int NOT NULL,
  kind text NOT NULL,
  day date NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (campaign_id, org_id, level, kind, day)
);

-- The metrics of one congress: the one definition the counters and the rebuild share.
CREATE FUNCTION congress_metrics(c congresses) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN c.status <> 'cancelled' THEN 'total' END,
    'status:' || c.status,
    CASE WHEN c.status <> 'cancelled' AND c.is_pilot THEN 'pilot' END,
    CASE WHEN c.status IN ('held', 'resultsApproved', 'closed') AND c.is_pilot THEN 'pilotHeld' END,
    CASE WHEN c.status <> 'cancelled' AND c.postpone_count > 0 THEN 'postponed' END,
    CASE WHEN c.status <> 'cancelled' AND c.postpone_count > 0 THEN 'postponed:' || coalesce(c.last_postpone_reason, 'other') END,
    CASE WHEN c.held_override THEN 'heldOverride' END,
    CASE WHEN c.status <> 'cancelled' AND cardinality(c.warning_codes) > 0 THEN 'warned' END,
    CASE WHEN c.status <> 'cancelled' THEN 'form:' || c.form END,
    CASE WHEN c.status <> 'cancelled' THEN 'contents:' || c.contents END,
    CASE WHEN c.status <> 'cancelled' AND c.village_head_is_secretary IS NOT NULL THEN 'village' END,
    CASE WHEN c.status <> 'cancelled' AND c.village_head_is_secretary THEN 'villageHead' END,
    CASE WHEN c.status IN ('planned', 'documentsReady', 'personnelReady', 'approved') AND c.planned_start IS NULL THEN 'unscheduled' END
  ], NULL)
$$;

CREATE FUNCTION congress_days(c congresses) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN c.status IN ('held', 'resultsApproved', 'closed') AND c.actual_end IS NOT NULL THEN 'done:' || c.actual_end::text END,
    CASE WHEN c.status IN ('held', 'resultsApproved', 'closed') AND c.actual_start IS NOT NULL THEN 'calDone:' || c.actual_start::text END,
    CASE WHEN c.status IN ('planned', 'documentsReady', 'personnelReady', 'approved') AND c.planned_start IS NOT NULL THEN 'calPlanned:' || c.planned_start::text END
  ], NULL)
$$;

-- Adds deltas to every ancestor of `p` (itself included), in one statement and in key order.
CREATE FUNCTION campaign_rollup_apply(camp int, p ltree, lvl int, keys text[], deltas int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO campaign_rollups (campaign_id, org_id, level, metric, n)
  SELECT camp, ltree2text(subpath(p, i, 1))::int, lvl, k.key, k.delta
    FROM generate_series(0, nlevel(p) - 1) AS i, unnest(keys, deltas) AS k(key, delta)
   ORDER BY 2, 4
  ON CONFLICT (campaign_id, org_id, level, metric) DO UPDATE SET n = campaign_rollups.n + EXCLUDED.n;
$$;

CREATE FUNCTION campaign_daily_apply(camp int, p ltree, lvl int, keys text[], deltas int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO campaign_daily (campaign_id, org_id, level, kind, day, n)
  SELECT camp, ltree2text(subpath(p, i, 1))::int, lvl, split_part(k.key, ':', 1), split_part(k.key, ':', 2)::date, k.delta
    FROM generate_series(0, nlevel(p) - 1) AS i, unnest(keys, deltas) AS k(key, delta)
   ORDER BY 2, 4, 5
  ON CONFLICT (campaign_id, org_id, level, kind, day) DO UPDATE SET n = campaign_daily.n + EXCLUDED.n;
$$;

CREATE FUNCTION congresses_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  om text[] := '{}';
  nm text[] := '{}';
  od text[] := '{}';
  nd text[] := '{}';
  rm text[];
  am text[];
  rd text[];
  ad text[];
BEGIN
  -- Bulk writes (campaign creation, demo seed) switch the row trigger off and rebuild set-wise.
  IF current_setting('daihoi.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    om := congress_metrics(OLD);
    od := congress_days(OLD);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    nm := congress_metrics(NEW);
    nd := congress_days(NEW);
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.org_path = NEW.org_path AND OLD.level = NEW.level AND OLD.campaign_id = NEW.campaign_id THEN
    -- Only the difference: a status change touches two metrics per ancestor.
    rm := ARRAY(SELECT unnest(om) EXCEPT SELECT unnest(nm));
    am := ARRAY(SELECT unnest(nm) EXCEPT SELECT unnest(om));
    rd := ARRAY(SELECT unnest(od) EXCEPT SELECT unnest(nd));
    ad := ARRAY(SELECT unnest(nd) EXCEPT SELECT unnest(od));
    IF cardinality(rm) + cardinality(am) > 0 THEN
      PERFORM campaign_rollup_apply(NEW.campaign_id, NEW.org_path, NEW.level, rm || am,
        array_fill(-1, ARRAY[cardinality(rm)]) || array_fill(1, ARRAY[cardinality(am)]));
    END IF;
    IF cardinality(rd) + cardinality(ad) > 0 THEN
      PERFORM campaign_daily_apply(NEW.campaign_id, NEW.org_path, NEW.level, rd || ad,
        array_fill(-1, ARRAY[cardinality(rd)]) || array_fill(1, ARRAY[cardinality(ad)]));
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM campaign_rollup_apply(OLD.campaign_id, OLD.org_path, OLD.level, om, array_fill(-1, ARRAY[cardinality(om)]));
    IF cardinality(od) > 0 THEN
      PERFORM campaign_daily_apply(OLD.campaign_id, OLD.org_path, OLD.level, od, array_fill(-1, ARRAY[cardinality(od)]));
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM campaign_rollup_apply(NEW.campaign_id, NEW.org_path, NEW.level, nm, array_fill(1, ARRAY[cardinality(nm)]));
    IF cardinality(nd) > 0 THEN
      PERFORM campaign_daily_apply(NEW.campaign_id, NEW.org_path, NEW.level, nd, array_fill(1, ARRAY[cardinality(nd)]));
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER congresses_rollup AFTER INSERT OR DELETE OR UPDATE ON congresses
  FOR EACH ROW EXECUTE FUNCTION congresses_rollup_trigger();

-- Set-wise: recompute a campaign's counters from its congresses (after bulk writes).
CREATE FUNCTION campaign_rollup_rebuild(camp int) RETURNS void LANGUAGE sql AS $$
  DELETE FROM campaign_rollups WHERE campaign_id = camp;
  DELETE FROM campaign_daily WHERE campaign_id = camp;
  INSERT INTO campaign_rollups (campaign_id, org_id, level, metric, n)
  SELECT camp, ltree2text(subpath(c.org_path, i, 1))::int, c.level, m, count(*)::int
    FROM congresses c, generate_series(0, nlevel(c.org_path) - 1) AS i, unnest(congress_metrics(c)) AS m
   WHERE c.campaign_id = camp
   GROUP BY 2, 3, 4;
  INSERT INTO campaign_daily (campaign_id, org_id, level, kind, day, n)
  SELECT camp, ltree2text(subpath(c.org_path, i, 1))::int, c.level, split_part(k, ':', 1), split_part(k, ':', 2)::date, count(*)::int
    FROM congresses c, generate_series(0, nlevel(c.org_path) - 1) AS i, unnest(congress_days(c)) AS k
   WHERE c.campaign_id = camp
   GROUP BY 2, 3, 4, 5;
$$;

-- A moved organization takes its congresses (and their counters) along.
CREATE FUNCTION organizations_congress_path_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.path IS DISTINCT FROM OLD.path THEN
    UPDATE congresses SET org_path = NEW.path WHERE org_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER organizations_congress_path AFTER UPDATE OF path ON organizations
  FOR EACH ROW EXECUTE FUNCTION organizations_congress_path_trigger();
