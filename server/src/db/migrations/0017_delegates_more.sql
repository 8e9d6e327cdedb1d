-- Delegates (issue 5, more): a free note on each delegate (what the organizers need to remember:
-- a decision number, a correction's source), editable with the rest of the delegate's details.
ALTER TABLE delegates ADD COLUMN note text CHECK (note IS NULL OR length(note) <= 1000);
