-- Registers of the party-building work a campaign's summary report counts (issue 6, reports):
-- inspections and supervisions, disciplinary measures, study sessions and their attendance,
-- a resolution's targets with their progress. Each row belongs to the organization that keeps
-- it (`org_id`, the committee or inspection commission that acted); reads and writes are
-- checked against that organization's path, like every other domain.

-- Kiểm tra, giám sát: one row per organization or member inspected / supervised.
CREATE TABLE report_oversight (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('inspection', 'supervision')),
  -- thường xuyên, chuyên đề, khi có dấu hiệu vi phạm (the last only for inspections)
  mode text NOT NULL CHECK (mode IN ('regular', 'thematic', 'violationSigns')),
  subject_type text NOT NULL CHECK (subject_type IN ('organization', 'member')),
  subject_org_id int REFERENCES organizations(id),
  subject_name text NOT NULL,
  committee_member boolean NOT NULL DEFAULT false,
  started_on date NOT NULL,
  decision_ref text,
  conclusion text,
  violation_found boolean,
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (subject_type = 'member' OR NOT committee_member),
  CHECK (subject_type = 'organization' OR subject_org_id IS NULL),
  CHECK (kind = 'inspection' OR mode <> 'violationSigns')
);
CREATE INDEX report_oversight_org ON report_oversight (org_id, started_on);

-- Kỷ luật: one row per measure. Forms by the Charter: members — khiển trách, cảnh cáo,
-- cách chức, khai trừ; organizations — khiển trách, cảnh cáo, giải tán.
CREATE TABLE report_disciplines (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES organizations(id),
  subject_type text NOT NULL CHECK (subject_type IN ('organization', 'member')),
  subject_org_id int REFERENCES organizations(id),
  subject_name text NOT NULL,
  committee_member boolean NOT NULL DEFAULT false,
  form text NOT NULL CHECK (form IN ('reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution')),
  decided_on date NOT NULL,
  decision_ref text,
  reason text,
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (subject_type = 'member' OR NOT committee_member),
  CHECK (subject_type = 'organization' OR subject_org_id IS NULL),
  CHECK ((subject_type = 'member' AND form IN ('reprimand', 'warning', 'dismissal', 'expulsion'))
      OR (subject_type = 'organization' AND form IN ('reprimand', 'warning', 'dissolution')))
);
CREATE INDEX report_disciplines_org ON report_disciplines (org_id, decided_on);

-- Học tập, quán triệt nghị quyết: one row per session (or series) with its attendance.
CREATE TABLE report_study_sessions (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  subject text,
  held_from date NOT NULL,
  held_to date NOT NULL,
  expected int NOT NULL CHECK (expected >= 1),
  attended int NOT NULL CHECK (attended >= 0 AND attended <= expected),
  note text,
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (held_to >= held_from)
);
CREATE INDEX report_study_sessions_org ON report_study_sessions (org_id, held_from);

-- Nghị quyết, chỉ tiêu: a resolution with its targets; progress is one value per date (a
-- correction replaces that date's value, the audit log keeps the old one), so the report
-- "as of" a date reads the latest value up to that day.
CREATE TABLE report_resolutions (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  ref text,
  adopted_on date NOT NULL,
  task_groups int NOT NULL DEFAULT 0 CHECK (task_groups >= 0),
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_resolutions_org ON report_resolutions (org_id, adopted_on);

CREATE TABLE report_targets (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resolution_id int NOT NULL REFERENCES report_resolutions(id),
  position int NOT NULL CHECK (position >= 1),
  name text NOT NULL,
  unit text NOT NULL,
  target_value numeric NOT NULL,
  -- atLeast: reach or exceed (growth, coverage); atMost: stay at or under (poverty rate, losses)
  direction text NOT NULL DEFAULT 'atLeast' CHECK (direction IN ('atLeast', 'atMost')),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (resolution_id, position)
);

CREATE TABLE report_target_progress (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id int NOT NULL REFERENCES report_targets(id),
  as_of date NOT NULL,
  value numeric NOT NULL,
  note text,
  recorded_by int REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (target_id, as_of)
);
