-- Issue 21, point 4: a school's shortlists of hosts, one per class (docs/design.md §4, "Schools use the results").
-- Staff add the hosts they are considering for a class from /enti; every class's list is read
-- on /scuola/{id}/liste and through GET /api/v1/schools/{id}/shortlists (JSON or CSV). Who may
-- use a class's list is domain::session::Access::scope (teachers their classes, the office and
-- the head teacher the whole school), read from the roster at each request.
--
-- No foreign key to hosts: a host that stops being published (or the demo hosts, re-seeded)
-- leaves its entry in place, shown as "no longer published" with the name it had when it was
-- added (host_name), until someone removes it. No foreign key to classes either: an import
-- replaces the school's classes, and must not fail on a list; a list whose class is no longer
-- in the roster is not shown, and the daily purge deletes it (db/retention.rs).
CREATE TABLE shortlists (
  school_id INTEGER NOT NULL REFERENCES schools(id),
  class_code TEXT NOT NULL,           -- domain::import::ClassCode
  host_id INTEGER NOT NULL,           -- hosts(id)
  host_name TEXT NOT NULL,            -- the host's name when it was added
  added_by TEXT NOT NULL,             -- codice fiscale (the audit log has the same)
  added_by_name TEXT NOT NULL,        -- the name shown on the list
  added_at INTEGER NOT NULL,          -- seconds since the epoch
  PRIMARY KEY (school_id, class_code, host_id)
) WITHOUT ROWID;
