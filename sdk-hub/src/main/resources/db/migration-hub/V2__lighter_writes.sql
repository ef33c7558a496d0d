-- Schema 2 (hub 1.1): the same tables and rows, less work for the database on every write.

-- A record's facets are deleted by their whole primary key: the hub knows them, as the facets of
-- the version being replaced (the stored doc), and removes only those the new version lacks. The
-- second index on record_facet, by record, served only that delete; it cost a third of every facet
-- row's insert. (record_facet holds exactly the facets of each live record's doc: a change to how
-- facets are made needs a migration that rebuilds them.)
DROP INDEX record_facet_by_record;

-- PostgreSQL only (${postgresql} is empty there and starts a comment on SQLite, which does not
-- compress): a document up to about 8 KB stays in its row as written instead of being compressed
-- into the TOAST table, which cost 80-200 µs of the server's CPU per 5 KB document, twice per
-- version (record and history row). Larger documents are still compressed. Rows written before
-- keep their storage.
${postgresql}ALTER TABLE hub_record SET (toast_tuple_target = 8160);
${postgresql}ALTER TABLE record_history SET (toast_tuple_target = 8160);
