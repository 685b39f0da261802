-- Issue 18: abuse that costs nothing, imports that cannot go half live.

-- A sign-in under way now lives in a signed cookie (domain::oidc::LoginState): starting one
-- writes nothing. Rate limits are counted by the Workers rate-limiting binding (wrangler.toml
-- [[ratelimits]]), or, for the per-body hour, on the declarations themselves.
DROP TABLE IF EXISTS logins;
DROP TABLE IF EXISTS rate_limits;

-- Imports: status gains 'committing' (moved there only with no errors and no part arriving;
-- every statement of the commit batch is guarded on it). `arriving` counts the parts being
-- staged now, `arriving_since` is when the last one started (a part that never finished stops
-- counting after domain::import::PART_STALE_SECS); `parts` counts the parts staged, so a commit
-- knows that no part landed between its checks and its start.
ALTER TABLE imports ADD COLUMN arriving INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN arriving_since INTEGER;
ALTER TABLE imports ADD COLUMN parts INTEGER NOT NULL DEFAULT 0;
