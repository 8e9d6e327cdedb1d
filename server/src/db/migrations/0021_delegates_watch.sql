-- Delegates (issue 5, audit): what the register and the health watch must not lose sight of.

-- A delegate elected by a lower congress arrives in the upper register with the personnel record
-- the candidate was linked to. If that person already sits in the register (elected twice, or
-- registered by hand), the arrival is kept, not dropped, and points at the delegate it doubles:
-- the register shows the clash on both rows and the approval checklist has it as an open item
-- until the organizers settle which seat is the right one. Only such arrivals are exempt from the
-- "one person once per congress" indexes; registration and edits by hand are still refused.
ALTER TABLE delegates ADD COLUMN duplicate_of_id int REFERENCES delegates(id);
DROP INDEX delegates_person_once;
DROP INDEX delegates_name_birth_once;
CREATE UNIQUE INDEX delegates_person_once ON delegates (congress_id, person_id) WHERE person_id IS NOT NULL AND duplicate_of_id IS NULL;
CREATE UNIQUE INDEX delegates_name_birth_once ON delegates (congress_id, name_key, birth_date) WHERE birth_date IS NOT NULL AND duplicate_of_id IS NULL;

-- A declaration sent again on the same day replaces the day's row; what it replaced is kept here
-- ([{symptoms, temperature, contact, isolation, declaredAt}], oldest first), so a fever reported in
-- the morning is still seen after a clean declaration in the evening.
ALTER TABLE delegate_health_declarations ADD COLUMN superseded jsonb NOT NULL DEFAULT '[]'::jsonb;
