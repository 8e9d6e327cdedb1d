-- Personnel (issue 5, audit): the 5-step appointment preset of Nghị định 170/2025 Điều 33 K2 as
-- the decree has it (election-rules.md §8 mục 7).
-- Step 5: when two names tie at the top with 50 % each, the head of the body chooses; the choice
-- and who made it are kept with the step's votes: {"personId", "chosenBy", "recordedBy", "recordedAt"}.
ALTER TABLE nomination_step_results ADD COLUMN head_choice jsonb;

-- Plans made from the earlier preset: step 3 lacked "a nominee other than step 2's needs at least
-- 2/3" and step 5 passed everyone above 50 %. Steps without recorded votes take the decree's rule;
-- a step already held keeps the rule it was counted with (its votes are facts).
UPDATE personnel_plans p
   SET nomination_steps = (
         SELECT jsonb_agg(
                  CASE
                    WHEN (s->>'no')::int = 3 AND s->>'name' = 'Hội nghị tập thể lãnh đạo (lần 2)' AND s->'passRule' = '{"kind": "highestOverHalfElseThirty"}'::jsonb
                         AND NOT EXISTS (SELECT 1 FROM nomination_step_results r WHERE r.congress_id = p.congress_id AND r.step_no = 3)
                      THEN jsonb_set(s, '{passRule}', '{"kind": "highestOverHalfElseThirty", "differsFromStep": 2}'::jsonb)
                    WHEN (s->>'no')::int = 5 AND s->>'name' = 'Hội nghị tập thể lãnh đạo (lần 3)' AND s->'passRule' = '{"kind": "shareOfSummoned", "share": 0.5}'::jsonb
                         AND NOT EXISTS (SELECT 1 FROM nomination_step_results r WHERE r.congress_id = p.congress_id AND r.step_no = 5)
                      THEN jsonb_set(s, '{passRule}', '{"kind": "highestOverHalfTieToHead"}'::jsonb)
                    ELSE s
                  END
                  ORDER BY e.ord)
           FROM jsonb_array_elements(p.nomination_steps) WITH ORDINALITY AS e(s, ord)
       ),
       version = version + 1,
       updated_at = now()
 WHERE p.settings->>'nominationPreset' = 'nd170-appointment'
   AND p.list_status = 'draft'
   AND EXISTS (
         SELECT 1 FROM jsonb_array_elements(p.nomination_steps) s
          WHERE (s->>'no' = '3' AND s->'passRule' = '{"kind": "highestOverHalfElseThirty"}'::jsonb)
             OR (s->>'no' = '5' AND s->'passRule' = '{"kind": "shareOfSummoned", "share": 0.5}'::jsonb)
       );
