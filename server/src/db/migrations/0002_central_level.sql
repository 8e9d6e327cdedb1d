-- The national level above the provinces: the tree is data, so the centre is one more level.
ALTER TABLE org_levels DROP CONSTRAINT org_levels_level_check;
ALTER TABLE org_levels ADD CONSTRAINT org_levels_level_check CHECK (level >= 0);
INSERT INTO org_levels (level, name_vi, name_en) VALUES (0, 'Trung ương', 'Central');
INSERT INTO org_types (code, level, name_vi, name_en, is_grassroots, sort) VALUES
  ('central', 0, 'Đảng Cộng sản Việt Nam', 'Communist Party of Vietnam', false, 0),
  ('centralBloc', 1, 'Đảng bộ trực thuộc Trung ương', 'Party organization directly under the Central Committee', false, 15);
