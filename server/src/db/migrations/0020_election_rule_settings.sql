-- The [U] settings of an election's rule set (election-rules.md §0: "make it configurable"),
-- changed by the organizer before entry opens; empty = the documented defaults.
ALTER TABLE elections ADD COLUMN rule_settings jsonb NOT NULL DEFAULT '{}'::jsonb;
-- The subordinate organisations present at the opening (Charter Đ11 K6 condition b), as checked.
ALTER TABLE elections ADD COLUMN subordinate_orgs jsonb;
