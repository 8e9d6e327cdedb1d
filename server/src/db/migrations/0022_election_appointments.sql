-- Seats an election left empty, filled by the upper committee's appointment (chỉ định): a cell
-- secretary after three failed rounds (QĐ 294 mục 23.3), or vacancies the congress left.
CREATE TABLE election_appointments (
  id serial PRIMARY KEY,
  election_id integer NOT NULL REFERENCES elections(id),
  full_name text NOT NULL CHECK (length(btrim(full_name)) > 0),
  decision_no text NOT NULL CHECK (length(btrim(decision_no)) > 0),
  decision_date date NOT NULL,
  recorded_by integer NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_appointments_election ON election_appointments (election_id);
