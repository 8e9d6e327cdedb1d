-- Results wait for the upper committee's approval (chuẩn y); the complaint window and the
-- reporting deadlines run from the day the election closed.
ALTER TABLE elections ADD COLUMN closed_on date;
ALTER TABLE elections ADD COLUMN approved_at timestamptz;
ALTER TABLE elections ADD COLUMN approved_by int REFERENCES users(id);
ALTER TABLE elections ADD COLUMN approval_decision text;
ALTER TABLE elections ADD COLUMN approval_date date;
