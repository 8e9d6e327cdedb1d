-- Nominations from the floor (đề cử) and self-nominations (ứng cử) at the congress. Each one is
-- put to a show-of-hands vote; the name enters the list only with more than 30 % of those present
-- agreeing (R1.11). The vote is kept whether or not it admitted the name: it goes in the minutes.
CREATE TABLE election_nominations (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  election_id int NOT NULL REFERENCES elections(id),
  full_name text NOT NULL,
  nominated_by text NOT NULL CHECK (nominated_by IN ('floor', 'self')),
  present int NOT NULL CHECK (present >= 1),
  approvals int NOT NULL CHECK (approvals >= 0 AND approvals <= present),
  admitted boolean NOT NULL,
  recorded_by int NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_nominations_election ON election_nominations (election_id, id);

-- The admitted name on the list points at the vote that admitted it, so the list checks can see it.
ALTER TABLE election_candidates ADD COLUMN nomination_id int REFERENCES election_nominations(id);
