-- The row every change to the unit tree's shape locks (SELECT ... FOR UPDATE) first, so that two
-- concurrent moves cannot both pass the "not into its own subtree" check and form a cycle. A row
-- lock ends with its transaction, on whichever connection; see UnitQueries.lockTree.
INSERT INTO job_lock (name, locked_until, locked_at, locked_by)
VALUES ('unit-tree', TIMESTAMP '1970-01-01 00:00:01', TIMESTAMP '1970-01-01 00:00:01', 'row lock only');
