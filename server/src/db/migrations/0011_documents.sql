-- Documents of a congress (văn kiện), their versions and sections, consultation rounds on a
-- version (lấy ý kiến), comments, moderation, and the synthesis by theme (tổng hợp ý kiến).

CREATE TABLE congress_documents (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  congress_id int NOT NULL REFERENCES congresses(id),
  doc_type text NOT NULL CHECK (doc_type IN ('politicalReport', 'committeeReview', 'draftResolution', 'actionProgram', 'upperDraftComments', 'other')),
  title text NOT NULL,
  -- The next stable section key to hand out (s1, s2, …): keys survive across versions.
  next_section_no int NOT NULL DEFAULT 1,
  approved_version_id int,
  approved_at timestamptz,
  approved_by text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX congress_documents_congress ON congress_documents (congress_id);

CREATE TABLE document_versions (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id int NOT NULL REFERENCES congress_documents(id),
  no int NOT NULL,
  note text,
  source text NOT NULL CHECK (source IN ('text', 'docx')),
  file_id int REFERENCES files(id),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, no)
);
ALTER TABLE congress_documents ADD CONSTRAINT congress_documents_approved_fk FOREIGN KEY (approved_version_id) REFERENCES document_versions(id);

CREATE TABLE document_sections (
  version_id int NOT NULL REFERENCES document_versions(id),
  ord int NOT NULL,
  -- Stable across versions of one document: comments and themes point at the key.
  section_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('heading', 'paragraph')),
  level smallint NOT NULL DEFAULT 0,
  body text NOT NULL,
  PRIMARY KEY (version_id, ord),
  UNIQUE (version_id, section_key)
);

CREATE TABLE consultations (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id int NOT NULL REFERENCES congress_documents(id),
  version_id int NOT NULL REFERENCES document_versions(id),
  title text NOT NULL,
  -- Who may comment: members signed in and organizations of this subtree; the public by link.
  audience_org_id int NOT NULL REFERENCES organizations(id),
  audience_path ltree NOT NULL,
  audience_members boolean NOT NULL DEFAULT true,
  audience_orgs boolean NOT NULL DEFAULT true,
  audience_public boolean NOT NULL DEFAULT false,
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  public_token text UNIQUE,
  -- Per-consultation secret: signs form tokens and salts the hashed addresses.
  secret text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (closes_at > opens_at)
);
CREATE INDEX consultations_document ON consultations (document_id);
CREATE INDEX consultations_audience ON consultations USING gist (audience_path);

-- Synthesis themes, per (consultation, synthesizing organization, section). A lower
-- organization's theme rolls up into an upper one through parent_id.
CREATE TABLE synthesis_themes (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id int NOT NULL REFERENCES consultations(id),
  org_id int NOT NULL REFERENCES organizations(id),
  org_path ltree NOT NULL,
  section_key text NOT NULL,
  title text NOT NULL,
  response text CHECK (response IN ('accepted', 'explained', 'notAccepted')),
  response_text text,
  parent_id int REFERENCES synthesis_themes(id),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX synthesis_themes_section ON synthesis_themes (consultation_id, section_key, org_path);
CREATE INDEX synthesis_themes_parent ON synthesis_themes (parent_id) WHERE parent_id IS NOT NULL;

-- Comments: nationwide volume. Bulk ingest is one multi-row INSERT … SELECT FROM unnest(…).
CREATE TABLE consultation_comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id int NOT NULL REFERENCES consultations(id),
  section_key text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('member', 'org', 'public', 'import')),
  -- The author's organization (a member's own unit, the commenting organization); public: the consultation's audience root.
  author_org_id int REFERENCES organizations(id),
  author_org_path ltree NOT NULL,
  author_user_id int,
  author_name text,
  author_place text,
  body text NOT NULL,
  -- Folded text's hash: duplicates are found by equality, not by reading every body.
  body_hash text NOT NULL,
  ip_hash text,
  status text NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'hidden', 'merged')),
  hidden_reason text,
  merged_into_id bigint,
  theme_id int REFERENCES synthesis_themes(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The synthesis page: one section's comments in order, in a subtree.
CREATE INDEX consultation_comments_section ON consultation_comments (consultation_id, section_key, id);
-- Comments not yet grouped, the synthesizer's work list.
CREATE INDEX consultation_comments_unthemed ON consultation_comments (consultation_id, section_key, id) WHERE status = 'visible' AND theme_id IS NULL;
CREATE INDEX consultation_comments_moderated ON consultation_comments (consultation_id, section_key, status) WHERE status <> 'visible';
CREATE INDEX consultation_comments_path ON consultation_comments USING gist (author_org_path);
CREATE INDEX consultation_comments_theme ON consultation_comments (theme_id) WHERE theme_id IS NOT NULL;
CREATE INDEX consultation_comments_hash ON consultation_comments (consultation_id, body_hash);
CREATE INDEX consultation_comments_ip ON consultation_comments (consultation_id, ip_hash, created_at) WHERE ip_hash IS NOT NULL;

CREATE TABLE theme_quotes (
  theme_id int NOT NULL REFERENCES synthesis_themes(id),
  comment_id bigint NOT NULL REFERENCES consultation_comments(id),
  PRIMARY KEY (theme_id, comment_id)
);

-- Counts per (consultation, section, channel), kept by statement triggers that read the
-- transition tables: a 5,000-row batch updates each counter once, not 5,000 times.
CREATE TABLE consultation_section_counts (
  consultation_id int NOT NULL,
  section_key text NOT NULL,
  channel text NOT NULL,
  total int NOT NULL DEFAULT 0,
  visible int NOT NULL DEFAULT 0,
  themed int NOT NULL DEFAULT 0,
  PRIMARY KEY (consultation_id, section_key, channel)
);

CREATE FUNCTION consultation_counts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO consultation_section_counts AS c (consultation_id, section_key, channel, total, visible, themed)
  SELECT consultation_id, section_key, channel, count(*), count(*) FILTER (WHERE status = 'visible'), count(*) FILTER (WHERE theme_id IS NOT NULL)
    FROM new_rows GROUP BY consultation_id, section_key, channel
  ON CONFLICT (consultation_id, section_key, channel) DO UPDATE
    SET total = c.total + excluded.total, visible = c.visible + excluded.visible, themed = c.themed + excluded.themed;
  RETURN NULL;
END $$;

CREATE FUNCTION consultation_counts_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT consultation_id, section_key, channel, sum(dv) AS dv, sum(dt) AS dt FROM (
      SELECT consultation_id, section_key, channel, (status = 'visible')::int AS dv, (theme_id IS NOT NULL)::int AS dt FROM new_rows
      UNION ALL
      SELECT consultation_id, section_key, channel, -(status = 'visible')::int, -(theme_id IS NOT NULL)::int FROM old_rows
    ) x GROUP BY consultation_id, section_key, channel
  )
  UPDATE consultation_section_counts c SET visible = c.visible + d.dv, themed = c.themed + d.dt
    FROM d WHERE c.consultation_id = d.consultation_id AND c.section_key = d.section_key AND c.channel = d.channel AND (d.dv <> 0 OR d.dt <> 0);
  RETURN NULL;
END $$;

CREATE TRIGGER consultation_comments_counts_ins AFTER INSERT ON consultation_comments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_counts_ins();
CREATE TRIGGER consultation_comments_counts_upd AFTER UPDATE ON consultation_comments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_counts_upd();

-- Comments are never deleted (moderation hides them with a reason).
CREATE FUNCTION consultation_comments_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consultation_comments are never deleted; hide them with a reason';
END $$;
CREATE TRIGGER consultation_comments_no_delete BEFORE DELETE ON consultation_comments FOR EACH ROW EXECUTE FUNCTION consultation_comments_no_delete();
