-- Personnel, more (issue 5): files attached to a complaint (đơn thư) — the letter itself, the
-- verification minutes, the conclusion — any number per complaint, each in the file store.
-- person_complaints.file_id (one file, never written by any code) stays unused.
CREATE TABLE complaint_files (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id int NOT NULL REFERENCES person_complaints(id),
  file_id int NOT NULL REFERENCES files(id),
  added_by int REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_files_complaint ON complaint_files (complaint_id);
