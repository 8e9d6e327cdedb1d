-- Further rounds: a tie-break among the tied, or a further round the congress decides.
-- The engine's state is replayed from `history` (rounds' votes and the congress' decisions).
ALTER TABLE elections ADD COLUMN current_round int NOT NULL DEFAULT 1;
ALTER TABLE elections ADD COLUMN history jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE ballot_entries ADD COLUMN round int NOT NULL DEFAULT 1;
DROP INDEX ballot_entries_latest;
CREATE INDEX ballot_entries_latest ON ballot_entries (election_id, round, serial, team, id DESC);
-- Names added by the congress for a further round get the next ballot numbers.
ALTER TABLE election_candidates ADD COLUMN round_added int NOT NULL DEFAULT 1;
