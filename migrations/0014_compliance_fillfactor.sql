-- Room on every page of learning_compliance for the new version of an updated row: an update
-- that leaves the indexed columns (person, year, province, compliant) as they were — the usual
-- case, a person with more hours — becomes a heap-only (HOT) update that touches neither index.
-- New pages follow the setting at once, existing ones as they are rewritten (a year's rebuild).
ALTER TABLE learning_compliance SET (fillfactor = 80);
