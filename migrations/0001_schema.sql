-- Reference data (ISTAT, CC BY 4.0; see data/README.md). Filled by 0002, generated from data/.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE provinces (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code)
) WITHOUT ROWID;

CREATE TABLE comuni (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  province_code TEXT NOT NULL REFERENCES provinces(code),
  region_code TEXT NOT NULL REFERENCES regions(code),
  cadastral_code TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX comuni_by_province ON comuni(province_code, name);

-- ATECO 2025: level is section / division / group / class / category / subcategory.
CREATE TABLE ateco (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  parent_code TEXT
) WITHOUT ROWID;

-- CP 2011, all five levels; the edition is data so CP 2021 can sit beside it later.
CREATE TABLE cp2011 (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  parent_code TEXT
) WITHOUT ROWID;

-- The public register: published profiles only. `origin` tells demo data (cargo xtask seed)
-- from profiles published through the register's workflow, so re-seeding never touches those.
-- Demo ids are 1..N; published profiles take ids from 1e9 up.
CREATE TABLE hosts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('impresa', 'professionista', 'ente_pubblico', 'ente_privato')),
  comune TEXT NOT NULL REFERENCES comuni(code),
  comune_name TEXT NOT NULL,
  province TEXT NOT NULL REFERENCES provinces(code),
  region TEXT NOT NULL REFERENCES regions(code),
  paths TEXT NOT NULL,          -- JSON array of "pcto" / "apprendistato"
  figures TEXT NOT NULL,        -- JSON array of CP 2011 codes
  ateco TEXT REFERENCES ateco(code),
  max_students INTEGER NOT NULL CHECK (max_students >= 0),
  periods TEXT NOT NULL,        -- JSON array of {"from","to"}
  origin TEXT NOT NULL DEFAULT 'register' CHECK (origin IN ('register', 'demo')),
  published_at TEXT NOT NULL
);
CREATE INDEX hosts_by_places ON hosts(max_students);
CREATE INDEX hosts_by_origin ON hosts(origin);

-- The rest of a profile (offers, places, contacts, optional data) as one JSON document:
-- kept apart so the search reads narrow rows.
CREATE TABLE host_profiles (
  host_id INTEGER PRIMARY KEY REFERENCES hosts(id) ON DELETE CASCADE,
  body TEXT NOT NULL
);

-- Full-text index: name, body (activities, figures, places, sector) and the filter tokens
-- (domain::text). rowid = hosts.id. Written by the same code that writes hosts.
CREATE VIRTUAL TABLE hosts_fts USING fts5(
  name, body, filters,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
-- Relevance: the name weighs most; filter tokens do not count.
INSERT INTO hosts_fts(hosts_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 0.0)');
