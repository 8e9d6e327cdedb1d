-- Campaigns, second round: the approval checklist's "pilot lessons read" acknowledgment, files
-- attached to pilots' lessons, and progress imported from Excel (checked before it is written).

-- A congress confirms it studied the pilots' lessons of its level. `lessons_seen` is how many
-- lessons existed then: a lesson recorded later makes the checklist item open again.
CREATE TABLE congress_lessons_read (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL REFERENCES congresses(id),
  lessons_seen int NOT NULL CHECK (lessons_seen >= 0),
  read_by_user_id int,
  read_by_name text,
  read_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX congress_lessons_read_congress ON congress_lessons_read (congress_id, id DESC);

-- Files attached to a pilot's lesson (minutes, reports), kept in the shared file store.
CREATE TABLE congress_lesson_files (
  lesson_id int NOT NULL REFERENCES congress_lessons(id),
  file_id int NOT NULL REFERENCES files(id),
  PRIMARY KEY (lesson_id, file_id)
);

-- Progress imported from Excel: checked in full at preview, written only when the same user confirms.
CREATE TABLE campaign_import_batches (
  id text PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  user_id int NOT NULL REFERENCES users(id),
  file_name text NOT NULL,
  plans jsonb NOT NULL,
  issues jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
  created_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz
);
