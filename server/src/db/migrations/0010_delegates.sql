-- Delegates (issue 5): the seats of a delegates' congress allocated among its subordinate
-- organizations, the register of delegates, credentials, badges and check-in per session,
-- and the health watch before the opening. Every row belongs to one congress (campaigns).

-- Per congress: the secret that signs badge codes (never leaves the server) and the health-watch setting.
CREATE TABLE delegate_congress_settings (
  congress_id int PRIMARY KEY REFERENCES congresses(id),
  badge_secret bytea NOT NULL,
  health_days int NOT NULL DEFAULT 14 CHECK (health_days BETWEEN 1 AND 60),
  -- From this temperature (°C) a declaration is flagged.
  fever_from numeric(3, 1) NOT NULL DEFAULT 37.5
);

-- The allocation of a congress' elected seats: formula settings, and one row per subordinate organization.
CREATE TABLE delegate_allocations (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL UNIQUE REFERENCES congresses(id),
  -- AllocationSettings (allocation-rules.ts): base, quota, remainder threshold, members counted.
  settings jsonb NOT NULL,
  -- The total of elected seats decided by the convening committee; the rows must add up to it.
  elected_total int CHECK (elected_total >= 0),
  ex_officio int NOT NULL DEFAULT 0 CHECK (ex_officio >= 0),
  appointed int NOT NULL DEFAULT 0 CHECK (appointed >= 0),
  decision_ref text,
  version int NOT NULL DEFAULT 1,
  updated_by int REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE delegate_allocation_rows (
  allocation_id int NOT NULL REFERENCES delegate_allocations(id),
  org_id int NOT NULL REFERENCES organizations(id),
  members int NOT NULL CHECK (members >= 0),
  -- What the formula gives (base + per quota + remainder); extra for an important unit.
  formula_seats int NOT NULL CHECK (formula_seats >= 0),
  extra_seats int NOT NULL DEFAULT 0 CHECK (extra_seats >= 0),
  -- The recorded result; differs from formula + extra only with a reason.
  seats int NOT NULL CHECK (seats >= 0),
  adjust_reason text,
  adjusted_by text,
  adjusted_at timestamptz,
  PRIMARY KEY (allocation_id, org_id),
  CHECK (seats = formula_seats + extra_seats OR adjust_reason IS NOT NULL)
);

-- The register: one row per delegate of a congress. A delegate elected by a lower congress belongs
-- to that organization's delegation; ex-officio members of the convening committee to the congress' own.
CREATE TABLE delegates (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL REFERENCES congresses(id),
  -- The personnel domain's person, when known (no foreign key: that table is another domain's).
  person_id int,
  full_name text NOT NULL,
  name_key text NOT NULL,
  birth_date date,
  gender text CHECK (gender IN ('male', 'female')),
  party_join_date date,
  position text,
  delegation_org_id int NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('official', 'alternate', 'exOfficio', 'appointed')),
  -- An alternate's order in its delegation (votes at the lower congress, then party age).
  alternate_rank int,
  votes int,
  source_election_id int,
  -- Not summoned (R1.33): the category and its note; such a delegate is not counted as summoned.
  not_summoned_reason text CHECK (not_summoned_reason IN ('suspended', 'prosecuted', 'irregularElection', 'retired', 'transferredOut')),
  not_summoned_note text,
  -- A substitution: this official was replaced by that alternate (who became official).
  replaced_by_id int REFERENCES delegates(id),
  replaces_id int REFERENCES delegates(id),
  substitution_reason text,
  substitution_note text,
  credentials text NOT NULL DEFAULT 'pending' CHECK (credentials IN ('pending', 'accepted', 'rejected')),
  credentials_reason text,
  credentials_note text,
  credentials_checks jsonb NOT NULL DEFAULT '{}'::jsonb,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delegates_congress ON delegates (congress_id, delegation_org_id);
-- One person in one delegation of a congress: the same person twice is refused by the service
-- (which names the other delegation); these indexes are the last line.
CREATE UNIQUE INDEX delegates_person_once ON delegates (congress_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX delegates_name_birth_once ON delegates (congress_id, name_key, birth_date) WHERE birth_date IS NOT NULL;
CREATE INDEX delegates_source_election ON delegates (source_election_id) WHERE source_election_id IS NOT NULL;

-- Check-in: one row per delegate and session; a second scan finds the row and counts nothing.
CREATE TABLE delegate_attendance (
  session_id int NOT NULL REFERENCES congress_sessions(id),
  delegate_id int NOT NULL REFERENCES delegates(id),
  congress_id int NOT NULL REFERENCES congresses(id),
  checked_in_at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL CHECK (method IN ('scan', 'typed', 'manual')),
  checked_in_by int REFERENCES users(id),
  PRIMARY KEY (session_id, delegate_id)
);
CREATE INDEX delegate_attendance_congress ON delegate_attendance (congress_id, delegate_id);

-- Health watch: a personal link per delegate (only the SHA-256 of its token is kept) and daily declarations.
CREATE TABLE delegate_health_links (
  delegate_id int PRIMARY KEY REFERENCES delegates(id),
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE delegate_health_declarations (
  delegate_id int NOT NULL REFERENCES delegates(id),
  day date NOT NULL,
  symptoms text[] NOT NULL DEFAULT '{}',
  temperature numeric(3, 1),
  contact boolean NOT NULL DEFAULT false,
  isolation boolean NOT NULL DEFAULT false,
  note text,
  flagged boolean NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (delegate_id, day)
);
