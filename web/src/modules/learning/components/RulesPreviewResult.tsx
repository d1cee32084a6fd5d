import { Alert, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import type { RulesPreview } from '../api.ts';

/** How many people a change would move, computed by the server on a rolled-back copy. */
export function RulesPreviewResult({ preview }: { preview: RulesPreview }) {
  const { t } = useI18n();
  return (
    <div data-testid="rules-preview-result">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('learning.rules.previewSummary', { people: preview.people })} />
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title={t('learning.rules.previewPeople')} value={preview.people} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('learning.rules.previewCompliant')} value={`${preview.compliantBefore} → ${preview.compliantAfter}`} data-testid="rules-preview-compliant" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('learning.rules.previewBecomeCompliant')} value={preview.becomeCompliant} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('learning.rules.previewBecomeNonCompliant')} value={preview.becomeNonCompliant} styles={{ content: { color: '#cf1322' } }} />
        </Col>
      </Row>
    </div>
  );
}
