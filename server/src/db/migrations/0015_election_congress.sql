-- An election held at a congress of a campaign: its denominator (summoned, and the delegates
-- absent for the whole congress) then comes from that congress' register and check-in rather
-- than from figures typed a second time. `denominator_source` records what was taken and when.
ALTER TABLE elections ADD COLUMN congress_id int REFERENCES congresses(id);
ALTER TABLE elections ADD COLUMN denominator_source jsonb;
CREATE INDEX elections_congress ON elections (congress_id) WHERE congress_id IS NOT NULL;

-- How typists enter this election's ballots (ADR 0007): the one-key codes printed beside the
-- names, or the printed numbers. Elections created before the codes keep the numbers.
ALTER TABLE elections ADD COLUMN entry_keys text NOT NULL DEFAULT 'numbers' CHECK (entry_keys IN ('keys', 'numbers'));
