-- The host directory near a place and its spelling suggestions (docs/design.md §8).

-- A search near a place reads the hosts of each comune within the radius, nearest comune first.
CREATE INDEX hosts_by_comune ON hosts(comune);

-- The directory's vocabulary: every word of the index with the profiles it is in, per column.
-- A search that finds few profiles reads the words that begin with the letter of a word it
-- did not find, and domain::text picks the closest ("Forse cercavi: meccanica").
CREATE VIRTUAL TABLE hosts_vocab USING fts5vocab(hosts_fts, col);
