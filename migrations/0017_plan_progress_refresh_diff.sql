-- The plan progress roll-up refresh (0010) applies only what changed. It recounted the touched
-- people's members from their records, deleted all their members and wrote them back, and moved
-- plan_progress and plan_progress_national by both passes: work in proportion to every record
-- and member of the touched people, most of them unchanged (a provider's batch adds one record to
-- people who already have several). Now it compares the recount with the stored members and
-- writes only the members that appear, disappear or change month, and the counts they move.
-- The records and members of each touched (person, year) are read through their indexes
-- (LATERAL), whatever the statistics of learning_records say (right after a TRUNCATE they made the
-- planner read every record of every employer for each statement).
CREATE OR REPLACE FUNCTION plan_progress_refresh(p_people uuid[], p_years smallint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH touched AS (
    SELECT DISTINCT t.person_id, t.year FROM unnest(p_people, p_years) AS t (person_id, year)
  ), counted AS (
    SELECT lr.person_id, lr.year, lr.field,
           coalesce(split_part(o.department_code, '.', 1), '') AS department_code,
           lr.province_code,
           CASE WHEN o.province_code = lr.province_code THEN o.region_code ELSE lr.province_code END AS city_code,
           min(CASE WHEN extract(year FROM lr.end_date) > lr.year THEN 12
                    WHEN extract(year FROM lr.end_date) < lr.year THEN 1
                    ELSE extract(month FROM lr.end_date) END)::smallint AS first_month
    FROM touched t
    CROSS JOIN LATERAL (
      SELECT r.person_id, r.year, r.field, r.province_code, r.employer_id, r.end_date FROM learning_records r
       WHERE r.person_id = t.person_id AND r.year = t.year AND r.status IN ('approved', 'confirmed')
    ) lr
    JOIN organisations o ON o.id = lr.employer_id
    GROUP BY 1, 2, 3, 4, 5, 6
  ), stored AS (
    SELECT m.person_id, m.year, m.field, m.department_code, m.province_code, m.city_code, m.first_month
    FROM touched t
    CROSS JOIN LATERAL (
      SELECT s.* FROM plan_progress_members s WHERE s.person_id = t.person_id AND s.year = t.year
    ) m
  ), diff AS (
    SELECT coalesce(c.person_id, s.person_id) AS person_id, coalesce(c.year, s.year) AS year, coalesce(c.field, s.field) AS field,
           coalesce(c.department_code, s.department_code) AS department_code, coalesce(c.province_code, s.province_code) AS province_code,
           coalesce(c.city_code, s.city_code) AS city_code, s.first_month AS old_month, c.first_month AS new_month
    FROM counted c
    FULL JOIN stored s ON s.person_id = c.person_id AND s.year = c.year AND s.field = c.field AND s.department_code = c.department_code
                      AND s.province_code = c.province_code AND s.city_code = c.city_code
    WHERE c.first_month IS DISTINCT FROM s.first_month
  ), gone AS (
    DELETE FROM plan_progress_members m USING diff d
    WHERE d.new_month IS NULL AND m.person_id = d.person_id AND m.year = d.year AND m.field = d.field
      AND m.department_code = d.department_code AND m.province_code = d.province_code AND m.city_code = d.city_code
  ), moved AS (
    UPDATE plan_progress_members m SET first_month = d.new_month FROM diff d
    WHERE d.new_month IS NOT NULL AND d.old_month IS NOT NULL AND m.person_id = d.person_id AND m.year = d.year AND m.field = d.field
      AND m.department_code = d.department_code AND m.province_code = d.province_code AND m.city_code = d.city_code
  ), added AS (
    INSERT INTO plan_progress_members (person_id, year, field, department_code, province_code, city_code, first_month)
    SELECT person_id, year, field, department_code, province_code, city_code, new_month FROM diff WHERE old_month IS NULL
  ), moves AS (
    SELECT year, field, department_code, province_code, city_code, old_month AS month, -1 AS delta FROM diff WHERE old_month IS NOT NULL
    UNION ALL
    SELECT year, field, department_code, province_code, city_code, new_month, 1 FROM diff WHERE new_month IS NOT NULL
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
  DO UPDATE SET people = p.people + EXCLUDED.people;
END $$;

-- Inserted records can only add members or bring a member's first month forward, never remove
-- one: the insert trigger counts the new records alone and compares them with the stored members
-- they fall into (looked up by key), without re-reading the people's older records.
CREATE OR REPLACE FUNCTION plan_progress_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
  DO UPDATE SET people = p.people + EXCLUDED.people;
  RETURN NULL;
END $$;
