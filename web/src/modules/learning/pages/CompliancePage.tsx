import { Button, Card, Col, Dropdown, Progress, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildUrl } from '../../../shared/api.ts';
import { useAuth } from '../../../shared/auth.tsx';
import { labelFor } from '../../../shared/enums.ts';
import { describeError } from '../../../shared/errors.ts';
import { useI18n, type Translate } from '../../../shared/i18n.ts';
import { tablePagination } from '../../../shared/pagination.ts';
import { SearchInput } from '../../../shared/SearchInput.tsx';
import { useSearchState } from '../../../shared/use-search-state.ts';
import { fetchComplianceList, learningKeys, type ComplianceListItem, type ComplianceListQuery } from '../api.ts';
import { EmployerSelect } from '../components/EmployerSelect.tsx';
import { recordYears } from '../components/RecordFields.tsx';
import { RequirePermission } from '../components/RequirePermission.tsx';
import { chinaYear } from '../enums.ts';

const FILTERS = ['year', 'compliant', 'q', 'employerId'] as const;

function columns(t: Translate): TableColumnsType<ComplianceListItem> {
  return [
    { title: t('person.name'), dataIndex: 'name', width: 100 },
    { title: t('person.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
    { title: t('person.employer'), dataIndex: 'employerName', ellipsis: true },
    { title: t('person.region'), dataIndex: 'regionName', width: 120 },
    { title: t('person.titleLevel'), dataIndex: 'titleLevel', width: 90, render: (l: string) => labelFor(t, 'titleLevel', l) },
    { title: t('learning.compliance.total'), dataIndex: 'totalHours', width: 90, align: 'right' },
    { title: t('learning.compliance.professional'), dataIndex: 'professionalHours', width: 100, align: 'right' },
    { title: t('learning.compliance.public'), dataIndex: 'publicHours', width: 100, align: 'right' },
    {
      title: t('learning.compliance.verdict'),
      dataIndex: 'compliant',
      width: 100,
      render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{t(ok ? 'learning.compliance.compliant' : 'learning.compliance.notCompliant')}</Tag>,
    },
  ];
}

/** Staff compliance for a year, as far as the viewer's scope reaches (employer, department, region). */
export function CompliancePage() {
  return (
    <RequirePermission permission="learning.compliance.read">
      <ComplianceList />
    </RequirePermission>
  );
}

function ComplianceList() {
  const { t } = useI18n();
  const { me } = useAuth();
  const listState = useSearchState(FILTERS);
  const { values, page, pageSize, update } = listState;
  // Only a viewer above one organisation has employers to choose between.
  const wideScope = (me?.grants ?? []).some((g) => g.scopeType !== 'organisation');
  const year = Number(values.year) || chinaYear();
  const compliant = values.compliant === 'true' ? true : values.compliant === 'false' ? false : undefined;

  const query: ComplianceListQuery = { year, compliant, q: values.q, employerId: wideScope ? values.employerId : undefined, page, pageSize };
  const list = useQuery({ queryKey: learningKeys.compliance(query), queryFn: () => fetchComplianceList(query), placeholderData: keepPreviousData });
  const total = list.data?.total ?? 0;
  const compliantCount = list.data?.compliantCount ?? 0;

  return (
    <Card title={t('learning.compliance.title')} data-testid="learning-compliance">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select style={{ width: 110 }} value={year} onChange={(y: number) => update({ year: y })} options={recordYears().map((y) => ({ value: y, label: String(y) }))} data-testid="compliance-year" />
        <Segmented
          value={values.compliant ?? 'all'}
          onChange={(v) => update({ compliant: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'true', label: t('learning.compliance.compliant') },
            { value: 'false', label: t('learning.compliance.notCompliant') },
          ]}
          data-testid="compliance-filter"
        />
        <SearchInput value={values.q} onSearch={(q) => update({ q })} placeholder={t('learning.compliance.search')} width={240} data-testid="compliance-search" />
        <ComplianceExport query={{ year, compliant, q: values.q, employerId: query.employerId }} />
        {wideScope && (
          <EmployerSelect style={{ width: 260 }} value={values.employerId} onChange={(employerId) => update({ employerId })} placeholder={t('learning.compliance.employer')} data-testid="compliance-employer" />
        )}
      </Space>
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="compliance-summary">
        <Col xs={12} md={6}>
          <Statistic title={t('learning.compliance.summaryPeople')} value={total} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('learning.compliance.summaryCompliant')} value={compliantCount} suffix={`/ ${total}`} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('learning.compliance.summaryRate')}</Typography.Text>
          <Progress percent={total > 0 ? Math.round((compliantCount / total) * 1000) / 10 : 0} />
        </Col>
      </Row>
      {list.isError && <Typography.Paragraph type="danger">{describeError(t, list.error)}</Typography.Paragraph>}
      <Table<ComplianceListItem>
        rowKey="personId"
        data-testid="compliance-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={tablePagination(t, listState, total)}
        columns={columns(t)}
      />
    </Card>
  );
}

/** Downloads exactly the filtered list (Excel or CSV); plain links so the browser keeps the file. */
function ComplianceExport({ query }: { query: Omit<ComplianceListQuery, 'page' | 'pageSize'> }) {
  const { t } = useI18n();
  return (
    <Dropdown
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: (
            <a href={buildUrl('/api/learning/compliance/export', { ...query, format })} download>
              {t(`export.${format}`)}
            </a>
          ),
        })),
      }}
    >
      <Button data-testid="compliance-export">{t('common.export')}</Button>
    </Dropdown>
  );
}
