-- Uploaded files (lesson notes, personnel documents, congress documents) live in the database:
-- one backup, one transaction with the row that refers to them, and they survive kill -9 once
-- acknowledged, like every other record.
CREATE TABLE files (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size int NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  uploaded_by int REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
