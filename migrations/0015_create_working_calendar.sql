-- The working-day calendar (工作日历): the days on which the Monday–Friday rule does not hold.
-- A public holiday (法定节假日) is a day off even on a weekday; an adjusted working day (调休上班)
-- is a working Saturday or Sunday. Deadlines counted in working days (a seminar's summary report
-- is due 10 working days after the class) read it. The national administrator keeps it each year
-- from the State Council General Office's notice; the two years below are loaded as published.
CREATE TABLE working_calendar (
  day         date PRIMARY KEY,
  working     boolean NOT NULL,
  -- What the day is: 春节, 国庆节, 国庆节调休上班…
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid
);

-- 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
INSERT INTO working_calendar (day, working, name) VALUES
  ('2025-01-01', false, '元旦'),
  ('2025-01-26', true, '春节调休上班'),
  ('2025-01-28', false, '春节'), ('2025-01-29', false, '春节'), ('2025-01-30', false, '春节'), ('2025-01-31', false, '春节'),
  ('2025-02-01', false, '春节'), ('2025-02-02', false, '春节'), ('2025-02-03', false, '春节'), ('2025-02-04', false, '春节'),
  ('2025-02-08', true, '春节调休上班'),
  ('2025-04-04', false, '清明节'), ('2025-04-05', false, '清明节'), ('2025-04-06', false, '清明节'),
  ('2025-04-27', true, '劳动节调休上班'),
  ('2025-05-01', false, '劳动节'), ('2025-05-02', false, '劳动节'), ('2025-05-03', false, '劳动节'), ('2025-05-04', false, '劳动节'), ('2025-05-05', false, '劳动节'),
  ('2025-05-31', false, '端午节'), ('2025-06-01', false, '端午节'), ('2025-06-02', false, '端午节'),
  ('2025-09-28', true, '国庆节调休上班'),
  ('2025-10-01', false, '国庆节、中秋节'), ('2025-10-02', false, '国庆节、中秋节'), ('2025-10-03', false, '国庆节、中秋节'), ('2025-10-04', false, '国庆节、中秋节'),
  ('2025-10-05', false, '国庆节、中秋节'), ('2025-10-06', false, '国庆节、中秋节'), ('2025-10-07', false, '国庆节、中秋节'), ('2025-10-08', false, '国庆节、中秋节'),
  ('2025-10-11', true, '国庆节调休上班');

-- 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）
INSERT INTO working_calendar (day, working, name) VALUES
  ('2026-01-01', false, '元旦'), ('2026-01-02', false, '元旦'), ('2026-01-03', false, '元旦'),
  ('2026-01-04', true, '元旦调休上班'),
  ('2026-02-14', true, '春节调休上班'),
  ('2026-02-15', false, '春节'), ('2026-02-16', false, '春节'), ('2026-02-17', false, '春节'), ('2026-02-18', false, '春节'), ('2026-02-19', false, '春节'),
  ('2026-02-20', false, '春节'), ('2026-02-21', false, '春节'), ('2026-02-22', false, '春节'), ('2026-02-23', false, '春节'),
  ('2026-02-28', true, '春节调休上班'),
  ('2026-04-04', false, '清明节'), ('2026-04-05', false, '清明节'), ('2026-04-06', false, '清明节'),
  ('2026-05-01', false, '劳动节'), ('2026-05-02', false, '劳动节'), ('2026-05-03', false, '劳动节'), ('2026-05-04', false, '劳动节'), ('2026-05-05', false, '劳动节'),
  ('2026-05-09', true, '劳动节调休上班'),
  ('2026-06-19', false, '端午节'), ('2026-06-20', false, '端午节'), ('2026-06-21', false, '端午节'),
  ('2026-09-20', true, '国庆节调休上班'),
  ('2026-09-25', false, '中秋节'), ('2026-09-26', false, '中秋节'), ('2026-09-27', false, '中秋节'),
  ('2026-10-01', false, '国庆节'), ('2026-10-02', false, '国庆节'), ('2026-10-03', false, '国庆节'), ('2026-10-04', false, '国庆节'),
  ('2026-10-05', false, '国庆节'), ('2026-10-06', false, '国庆节'), ('2026-10-07', false, '国庆节'),
  ('2026-10-10', true, '国庆节调休上班');
