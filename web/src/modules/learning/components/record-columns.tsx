import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import type { Language, Translate } from '../../../shared/i18n.ts';
import type { LearningRecord } from '../api.ts';
import { learningLabel } from '../enums.ts';
import { RecordStatusTag } from './RecordStatusTag.tsx';

/** Columns every record table shares; `withPerson` adds who the record belongs to. */
export function recordColumns(t: Translate, language: Language, withPerson: boolean): TableColumnsType<LearningRecord> {
  const person: TableColumnsType<LearningRecord> = withPerson
    ? [
        {
          title: t('learning.record.person'),
          dataIndex: 'personName',
          width: 150,
          render: (name: string, r) => (
            <span>
              {name}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.idNumberMasked}
              </Typography.Text>
            </span>
          ),
        },
        { title: t('person.employer'), dataIndex: 'employerName', width: 160, ellipsis: true },
      ]
    : [];
  return [
    ...person,
    { title: t('learning.record.year'), dataIndex: 'year', width: 70 },
    { title: t('learning.record.title'), dataIndex: 'title', width: 240, ellipsis: true },
    { title: t('common.status'), dataIndex: 'status', width: 140, render: (s: string) => <RecordStatusTag status={s} /> },
    { title: t('learning.record.category'), dataIndex: 'category', width: 120, render: (v: string) => learningLabel(language, 'category', v) },
    { title: t('learning.record.form'), dataIndex: 'form', width: 170, ellipsis: true, render: (v: string) => learningLabel(language, 'form', v) },
    { title: t('learning.record.period'), key: 'period', width: 210, render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{`${r.startDate} ~ ${r.endDate}`}</span> },
    { title: t('learning.record.hours'), dataIndex: 'hours', width: 80, align: 'right' },
    { title: t('learning.record.source'), dataIndex: 'source', width: 140, render: (v: string) => learningLabel(language, 'source', v) },
  ];
}
