-- Finished SPICE artifacts stay on the node's disk with the embedded
-- SQLite store (one node reads them): nothing to store here. The
-- PostgreSQL store's 0043 keeps them in the database for every node.
SELECT 1;
