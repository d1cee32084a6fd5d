import { Card, Col, Descriptions, Progress, Row, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchOwnCompliance, learningKeys, type YearCompliance } from '../api.ts';
import { learningLabel } from '../enums.ts';

const percent = (value: number, required: number) => (required > 0 ? Math.min(100, Math.round((value / required) * 100)) : 100);

function YearCard({ item }: { item: YearCompliance }) {
  const { t, language } = useI18n();
  const forms = Object.entries(item.byForm).filter(([, hours]) => hours > 0);
  return (
    <Card
      size="small"
      title={t('learning.archive.yearTitle', { year: item.year })}
      extra={
        <Tag color={item.compliant ? 'green' : 'red'} data-testid={`compliance-tag-${item.year}`}>
          {t(item.compliant ? 'learning.compliance.compliant' : 'learning.compliance.notCompliant')}
        </Tag>
      }
      data-testid={`compliance-year-${item.year}`}
    >
      <Progress percent={percent(item.totalHours, item.requiredTotal)} status={item.compliant ? 'success' : 'normal'} format={() => `${item.totalHours} / ${item.requiredTotal}`} />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('learning.compliance.professional')}>{`${item.professionalHours} / ${item.requiredProfessional}`}</Descriptions.Item>
        <Descriptions.Item label={t('learning.compliance.public')}>
          {item.requiredPublic > 0 ? `${item.publicHours} / ${item.requiredPublic}` : item.publicHours}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type={item.compliant ? 'success' : 'warning'} style={{ marginBottom: 8 }} data-testid={`compliance-explanation-${item.year}`}>
        {language === 'en' ? item.explanation.en : item.explanation.zh}
      </Typography.Paragraph>
      {forms.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('learning.compliance.byForm')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {forms.map(([form, hours]) => (
              <li key={form}>{`${learningLabel(language, 'form', form)}: ${hours}`}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** One card per year: hours as the province's rules count them, the requirement and the verdict in words. */
export function ComplianceCards({ from, to }: { from: number; to: number }) {
  const { t } = useI18n();
  const compliance = useQuery({ queryKey: learningKeys.ownCompliance(from, to), queryFn: () => fetchOwnCompliance(from, to) });
  if (compliance.isError) return <Typography.Paragraph type="danger">{describeError(t, compliance.error)}</Typography.Paragraph>;
  const items = [...(compliance.data ?? [])].reverse();
  return (
    <Row gutter={[16, 16]} data-testid="compliance-cards">
      {compliance.isPending && <Card loading style={{ width: '100%' }} />}
      {items.map((item) => (
        <Col key={item.year} xs={24} md={12} xl={8} xxl={6}>
          <YearCard item={item} />
        </Col>
      ))}
    </Row>
  );
}
