-- One election held at a congress (or a committee conference), counted from paper ballots
-- entered twice by two independent teams.
CREATE TABLE elections (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  kind text NOT NULL,
  regulation text NOT NULL CHECK (regulation IN ('2014', '2024')),
  congress_kind text NOT NULL CHECK (congress_kind IN ('members', 'delegates', 'conference')),
  seats int NOT NULL CHECK (seats >= 1),
  alternate_seats int NOT NULL DEFAULT 0 CHECK (alternate_seats >= 0),
  summoned int NOT NULL CHECK (summoned >= 1),
  exclusions jsonb NOT NULL DEFAULT '{}'::jsonb,
  present int CHECK (present >= 0),
  ballots_issued int CHECK (ballots_issued >= 0),
  ballots_collected int CHECK (ballots_collected >= 0),
  list_vote jsonb,
  status text NOT NULL DEFAULT 'setup' CHECK (status IN ('setup', 'entry', 'counted', 'published')),
  result jsonb,
  counted_at timestamptz,
  published_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elections_org ON elections (org_id);

CREATE TABLE election_candidates (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  election_id int NOT NULL REFERENCES elections(id),
  ballot_no int NOT NULL CHECK (ballot_no >= 1),
  full_name text NOT NULL,
  nominated_by text NOT NULL DEFAULT 'conveningCommittee',
  UNIQUE (election_id, ballot_no)
);

-- Counting committee (Ban kiểm phiếu): its chief, members, and the typists of teams A and B.
CREATE TABLE election_counters (
  election_id int NOT NULL REFERENCES elections(id),
  user_id int NOT NULL REFERENCES users(id),
  is_chief boolean NOT NULL DEFAULT false,
  team text CHECK (team IN ('A', 'B')),
  PRIMARY KEY (election_id, user_id)
);

-- Every save is a new row: the latest row per (serial, team) counts, earlier ones are the entry log.
CREATE TABLE ballot_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  election_id int NOT NULL REFERENCES elections(id),
  serial int NOT NULL CHECK (serial >= 1),
  team text NOT NULL CHECK (team IN ('A', 'B', 'R')),
  entry jsonb NOT NULL,
  canonical text NOT NULL,
  reason text,
  entered_by int NOT NULL REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ballot_entries_latest ON ballot_entries (election_id, serial, team, id DESC);
