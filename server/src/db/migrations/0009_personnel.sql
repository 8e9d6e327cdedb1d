-- Personnel (issue 5): people with their posts and documents, the personnel plan of a congress
-- (sizes, composition targets, nomination steps), the candidate list, complaints about a
-- person, the committee an election produced, and concurrent-post targets over a subtree.
-- Derived figures (retirement date, eligibility, composition) are computed by the pure rules
-- at read time, never stored, so they cannot disagree with the rules.
CREATE TABLE persons (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES organizations(id),
  code text,
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 200),
  search_text text NOT NULL,
  birth_date date NOT NULL,
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  ethnicity text NOT NULL DEFAULT 'Kinh',
  home_place text,
  education text,
  political_theory text CHECK (political_theory IN ('none', 'elementary', 'intermediate', 'advanced')),
  party_join_date date,
  -- Cadres with scientific and technological qualifications (CT 45: about 5 %).
  sci_tech boolean NOT NULL DEFAULT false,
  -- Entered when the record says otherwise (special cases, armed forces); else computed from birth date.
  retirement_date_entered date,
  note text,
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (party_join_date IS NULL OR party_join_date > birth_date)
);
CREATE INDEX persons_org ON persons (org_id);
-- A personnel code, when given, identifies one person (the import matches on it).
CREATE UNIQUE INDEX persons_code_key ON persons (lower(code)) WHERE code IS NOT NULL;

-- Current and past posts; a person may hold several at once (nhất thể hóa).
CREATE TABLE person_posts (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id int NOT NULL REFERENCES persons(id),
  org_id int NOT NULL REFERENCES organizations(id),
  role text NOT NULL,
  title text NOT NULL,
  -- The holder is not from the locality (bí thư không là người địa phương).
  non_local boolean NOT NULL DEFAULT false,
  from_date date,
  to_date date,
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
CREATE INDEX person_posts_person ON person_posts (person_id);
CREATE INDEX person_posts_org_role ON person_posts (org_id, role) WHERE to_date IS NULL;

CREATE TABLE person_documents (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id int NOT NULL REFERENCES persons(id),
  file_id int NOT NULL REFERENCES files(id),
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_documents_person ON person_documents (person_id);

-- One plan per congress: sizes, targets (warnings), the reference month for eligibility and
-- the nomination steps; the candidate list's approval and the election created from it.
CREATE TABLE personnel_plans (
  congress_id int PRIMARY KEY REFERENCES congresses(id),
  preset text NOT NULL,
  committee_size int NOT NULL CHECK (committee_size BETWEEN 1 AND 500),
  standing_size int NOT NULL CHECK (standing_size BETWEEN 0 AND 100),
  reference_month text NOT NULL CHECK (reference_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  eligibility_rules text NOT NULL CHECK (eligibility_rules IN ('2020', '2025')),
  merged_unit boolean NOT NULL DEFAULT false,
  targets jsonb NOT NULL,
  nomination_steps jsonb NOT NULL,
  -- Term length for a first-time member, State/Front reference month… (PlanSettings), unconfirmed ones flagged in the UI.
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  list_status text NOT NULL DEFAULT 'draft' CHECK (list_status IN ('draft', 'approved')),
  list_approved_at timestamptz,
  list_approved_by int REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The candidate list of a congress' committee election, with each name's vetting.
CREATE TABLE congress_candidates (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL REFERENCES personnel_plans(congress_id),
  person_id int NOT NULL REFERENCES persons(id),
  position int NOT NULL,
  candidacy text NOT NULL CHECK (candidacy IN ('reelection', 'firstTime')),
  post_kind text NOT NULL DEFAULT 'committee',
  incumbent boolean NOT NULL DEFAULT false,
  -- Proposed for the standing committee: the plan's standing-committee targets count these.
  standing_proposed boolean NOT NULL DEFAULT false,
  vetting text NOT NULL DEFAULT 'pending' CHECK (vetting IN ('pending', 'cleared', 'concerns')),
  vetting_note text,
  workplace_opinion text,
  residence_opinion text,
  added_by int REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, person_id)
);
CREATE INDEX congress_candidates_person ON congress_candidates (person_id);

-- Each nomination step held (conference, who was summoned and present) and its votes per name.
CREATE TABLE nomination_step_results (
  congress_id int NOT NULL REFERENCES personnel_plans(congress_id),
  step_no int NOT NULL CHECK (step_no >= 1),
  held_on date NOT NULL,
  summoned int NOT NULL CHECK (summoned >= 1),
  present int NOT NULL CHECK (present >= 0 AND present <= summoned),
  votes jsonb NOT NULL,
  recorded_by int REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (congress_id, step_no)
);

-- Complaints and denunciations (đơn thư) about a person.
CREATE TABLE person_complaints (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id int NOT NULL REFERENCES persons(id),
  congress_id int REFERENCES congresses(id),
  kind text NOT NULL CHECK (kind IN ('complaint', 'denunciation')),
  received_on date NOT NULL,
  sender text,
  summary text NOT NULL,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'assigned', 'verified', 'concluded')),
  assignee text,
  verification text,
  conclusion text,
  outcome text CHECK (outcome IN ('unfounded', 'partlyFounded', 'founded')),
  concluded_on date,
  file_id int REFERENCES files(id),
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'concluded') = (concluded_on IS NOT NULL))
);
CREATE INDEX person_complaints_person ON person_complaints (person_id);

-- The committee an election produced (and the posts its first meeting elected).
CREATE TABLE committee_members (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id int NOT NULL REFERENCES organizations(id),
  congress_id int REFERENCES congresses(id),
  election_id int NOT NULL REFERENCES elections(id),
  person_id int REFERENCES persons(id),
  full_name text NOT NULL,
  ballot_no int NOT NULL,
  body text NOT NULL CHECK (body IN ('executiveCommittee', 'standingCommittee', 'secretary', 'deputySecretary', 'inspectionCommission', 'inspectionChair', 'inspectionDeputyChair')),
  term_from int NOT NULL,
  term_to int NOT NULL CHECK (term_to > term_from),
  elected_on date NOT NULL,
  UNIQUE (election_id, ballot_no)
);
CREATE INDEX committee_members_org ON committee_members (org_id, body);

-- Concurrent-post models tracked over a subtree (nhất thể hóa; non-local secretaries).
CREATE TABLE concurrent_post_targets (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  root_org_id int NOT NULL REFERENCES organizations(id),
  model text NOT NULL CHECK (model IN ('secretaryChairsPeoplesCommittee', 'nonLocalSecretary', 'twoDeputySecretaries')),
  level int NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('count', 'share')),
  target_value numeric(7, 2) NOT NULL CHECK (target_value >= 0),
  source text,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (root_org_id, model, level)
);

-- Elections created from personnel: the committee election from the approved list, and the
-- first meeting's elections (standing committee, secretary, deputies) from the new committee.
CREATE TABLE personnel_elections (
  election_id int PRIMARY KEY REFERENCES elections(id),
  congress_id int NOT NULL REFERENCES personnel_plans(congress_id),
  body text NOT NULL
);
CREATE INDEX personnel_elections_congress ON personnel_elections (congress_id);

-- An uploaded people file waiting for confirmation: nothing is written until it is clean.
CREATE TABLE person_import_batches (
  id uuid PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  org_id int NOT NULL REFERENCES organizations(id),
  file_name text NOT NULL,
  rows jsonb NOT NULL,
  errors jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
  created_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz
);

-- The election's names come from the approved list; the link lets the result find the people.
ALTER TABLE election_candidates ADD COLUMN person_id int REFERENCES persons(id);
