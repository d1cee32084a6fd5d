import { useState } from 'react';
import { Alert, Button, Card, Drawer, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n.ts';
import { declareRecord, learningKeys, updateOwnRecord, type LearningRecord } from '../api.ts';
import { ComplianceCards } from '../components/ComplianceCards.tsx';
import { EvidenceUpload } from '../components/EvidenceUpload.tsx';
import { OwnRecordsTable } from '../components/OwnRecordsTable.tsx';
import { ProofDownload } from '../components/ProofDownload.tsx';
import { RecordForm, type RecordSubmit } from '../components/RecordForm.tsx';
import { RequirePermission } from '../components/RequirePermission.tsx';
import { chinaYear } from '../enums.ts';

type Editing = { kind: 'declare' } | { kind: 'edit'; record: LearningRecord } | null;

const YEARS_SHOWN = 5;

/** The professional's learning archive: yearly compliance, own records, declaration with evidence, proofs. */
export function ArchivePage() {
  return (
    <RequirePermission permission="learning.self">
      <Archive />
    </RequirePermission>
  );
}

function Archive() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [evidenceFor, setEvidenceFor] = useState<LearningRecord | null>(null);
  const to = chinaYear();
  const from = to - YEARS_SHOWN + 1;
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => from + i);

  const submit = (body: RecordSubmit) => (editing?.kind === 'edit' ? updateOwnRecord(editing.record.id, body) : declareRecord(body));
  const onSaved = (saved: LearningRecord) => {
    const declared = editing?.kind === 'declare';
    setEditing(null);
    void queryClient.invalidateQueries({ queryKey: learningKeys.own });
    // A new declaration goes straight on to its evidence.
    if (declared) setEvidenceFor(saved);
  };

  const rejected = editing?.kind === 'edit' && editing.record.status === 'rejected' ? editing.record.reviewReason : null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="learning-archive">
      <Card title={t('learning.archive.complianceTitle')}>
        <ComplianceCards from={from} to={to} />
      </Card>
      <Card
        title={t('learning.archive.recordsTitle')}
        extra={
          <Button type="primary" onClick={() => setEditing({ kind: 'declare' })} disabled={editing !== null} data-testid="record-declare">
            {t('learning.archive.declare')}
          </Button>
        }
      >
        {editing && (
          <RecordForm
            key={editing.kind === 'edit' ? editing.record.id : 'new'}
            title={t(editing.kind === 'edit' ? 'learning.archive.editTitle' : 'learning.archive.declareTitle')}
            record={editing.kind === 'edit' ? editing.record : null}
            submit={submit}
            onSaved={onSaved}
            onClose={() => setEditing(null)}
            notice={
              rejected ? (
                <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('learning.archive.rejectedBecause', { reason: rejected })} data-testid="record-rejected-notice" />
              ) : undefined
            }
          />
        )}
        <OwnRecordsTable onEdit={(record) => setEditing({ kind: 'edit', record })} onEvidence={setEvidenceFor} />
      </Card>
      <ProofDownload years={years} />
      <EvidenceDrawer record={evidenceFor} onClose={() => setEvidenceFor(null)} />
    </Space>
  );
}

/** Evidence for one record, straight after declaring it or later from the list. */
function EvidenceDrawer({ record, onClose }: { record: LearningRecord | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer
      open={record !== null}
      onClose={onClose}
      title={t('learning.evidence.drawerTitle', { title: record?.title ?? '' })}
      size="large"
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="evidence-done">
          {t('learning.evidence.done')}
        </Button>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('learning.evidence.hint')} />
      {record && <EvidenceUpload record={record} />}
    </Drawer>
  );
}
