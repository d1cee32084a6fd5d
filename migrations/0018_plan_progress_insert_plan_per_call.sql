-- The insert trigger of the plan roll-up plans its statement on each call instead of once per
-- connection. A PL/pgSQL function keeps the plan of a static statement for the life of the
-- connection, made when it first ran: right after an install, a restore or a TRUNCATE that was on
-- an empty plan_progress_members, and the kept plan then sorted and hashed every member of the
-- table for every later insert, however large the table had grown. A provider's batch of 10,000
-- records spent ≈ 170 ms in the trigger after 100,000 records and ≈ 700 ms after 700,000
-- (bench/report-profile.ts, auto_explain). Run through EXECUTE, the statement is planned with the
-- table's current size and looks the members up by key; the statement is 0017's, unchanged.
-- plan_progress_refresh (update and delete triggers) is left as it is: its reads go through
-- LATERAL index look-ups whatever the plan, and planned on each call it measured no faster.
CREATE OR REPLACE FUNCTION plan_progress_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- new_rows, the statement's transition table, is visible to EXECUTE as well.
  EXECUTE $sql$
  WITH counted AS (
    SELECT n.person_id, n.year, n.field,
           coalesce(split_part(o.department_code, '.', 1), '') AS department_code,
           n.province_code,
           CASE WHEN o.province_code = n.province_code THEN o.region_code ELSE n.province_code END AS city_code,
           min(CASE WHEN extract(year FROM n.end_date) > n.year THEN 12
                    WHEN extract(year FROM n.end_date) < n.year THEN 1
                    ELSE extract(month FROM n.end_date) END)::smallint AS first_month
    FROM new_rows n
    JOIN organisations o ON o.id = n.employer_id
    WHERE n.status IN ('approved', 'confirmed')
    GROUP BY 1, 2, 3, 4, 5, 6
  ), diff AS (
    SELECT c.person_id, c.year, c.field, c.department_code, c.province_code, c.city_code, s.first_month AS old_month, c.first_month AS new_month
    FROM counted c
    LEFT JOIN LATERAL (
      SELECT m.first_month FROM plan_progress_members m
       WHERE m.person_id = c.person_id AND m.year = c.year AND m.field = c.field AND m.department_code = c.department_code
         AND m.province_code = c.province_code AND m.city_code = c.city_code
    ) s ON true
    WHERE s.first_month IS NULL OR c.first_month < s.first_month
  ), moved AS (
    UPDATE plan_progress_members m SET first_month = d.new_month FROM diff d
    WHERE d.old_month IS NOT NULL AND m.person_id = d.person_id AND m.year = d.year AND m.field = d.field
      AND m.department_code = d.department_code AND m.province_code = d.province_code AND m.city_code = d.city_code
  ), added AS (
    INSERT INTO plan_progress_members (person_id, year, field, department_code, province_code, city_code, first_month)
    SELECT person_id, year, field, department_code, province_code, city_code, new_month FROM diff WHERE old_month IS NULL
  ), moves AS (
    SELECT year, field, department_code, province_code, city_code, old_month AS month, -1 AS delta FROM diff WHERE old_month IS NOT NULL
    UNION ALL
    SELECT year, field, department_code, province_code, city_code, new_month, 1 FROM diff
  ), national AS (
    INSERT INTO plan_progress_national AS p (year, department_code, dim, key, people)
    SELECT m.year, m.department_code, d.dim, d.key, sum(m.delta)::int
    FROM moves m CROSS JOIN LATERAL (VALUES ('field', m.field), ('province', m.province_code::text), ('month', m.month::text)) AS d (dim, key)
    GROUP BY 1, 2, 3, 4
    HAVING sum(m.delta) <> 0
    ON CONFLICT (year, department_code, dim, key)
    DO UPDATE SET people = p.people + EXCLUDED.people
  )
  INSERT INTO plan_progress AS p (year, field, department_code, province_code, city_code, month, people)
  SELECT year, field, department_code, province_code, city_code, month, sum(delta)::int
  FROM moves GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(delta) <> 0
  ON CONFLICT (year, province_code, city_code, field, department_code, month)
  DO UPDATE SET people = p.people + EXCLUDED.people
  $sql$;
  RETURN NULL;
END $$;
