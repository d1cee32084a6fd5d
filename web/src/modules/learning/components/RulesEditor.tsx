import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { validateRulesPatch } from '../../../../../src/modules/learning/rules.ts';
import { ApiError } from '../../../shared/api.ts';
import { describeError } from '../../../shared/errors.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { learningKeys, previewRules, saveRules, type ComplianceRules, type RulesPatch, type RulesPreview, type RulesView } from '../api.ts';
import { ConversionsEditor } from './ConversionsEditor.tsx';
import { FormCapsTable } from './FormCapsTable.tsx';
import { RulesPreviewResult } from './RulesPreviewResult.tsx';
import { EntrySettings, HoursSettings } from './RulesSettings.tsx';
import { describeIssuePath, inheritedValue, overridesOf, RulesEditorContext, toFormValues, toPatch, type RulesEditorState, type RulesFormValues, type WholeSetting } from './rules-form.ts';

type Props = { view: RulesView; base: ComplianceRules; isNation: boolean };
type Issue = { path: string; message: string };

function IssueList({ issues }: { issues: Issue[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {issues.map((i) => (
        <li key={`${i.path}-${i.message}`}>{i.message}</li>
      ))}
    </ul>
  );
}

/** Issues found in the browser (with the server's own validateRulesPatch), or the server's answer. */
function RulesProblems({ issues, failure }: { issues: Issue[]; failure: Error | null }) {
  const { t } = useI18n();
  const serverIssues = failure instanceof ApiError ? failure.details.map((d) => ({ path: d.path ?? '', message: d.message })) : [];
  return (
    <>
      {issues.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('learning.rules.invalid')} description={<IssueList issues={issues} />} data-testid="rules-issues" />}
      {failure && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={describeError(t, failure)} description={serverIssues.length > 0 ? <IssueList issues={serverIssues} /> : undefined} data-testid="rules-error" />
      )}
    </>
  );
}

function RulesSections() {
  const { t } = useI18n();
  return (
    <>
      <Card type="inner" title={t('learning.rules.hoursSection')} style={{ marginBottom: 16 }}>
        <HoursSettings />
      </Card>
      <Card type="inner" title={t('learning.rules.formCaps')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('learning.rules.formCapsHelp')}</Typography.Paragraph>
        <FormCapsTable />
      </Card>
      <Card type="inner" title={t('learning.rules.entrySection')} style={{ marginBottom: 16 }}>
        <EntrySettings />
      </Card>
      <Card type="inner" title={t('learning.rules.conversions')} style={{ marginBottom: 16 }}>
        <ConversionsEditor />
      </Card>
    </>
  );
}

type ActionsProps = {
  dirty: boolean;
  preview: { data: RulesPreview | undefined; pending: boolean; run: () => void };
  save: { pending: boolean; run: () => void };
  note: string;
  onNote: (note: string) => void;
};

function RulesActions({ dirty, preview, save, note, onNote }: ActionsProps) {
  const { t } = useI18n();
  return (
    <Card type="inner" title={t('learning.rules.previewAndSave')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Button onClick={preview.run} loading={preview.pending} data-testid="rules-preview">
            {t('learning.rules.preview')}
          </Button>
          {!dirty && <Typography.Text type="secondary">{t('learning.rules.unchanged')}</Typography.Text>}
        </Space>
        {preview.data && <RulesPreviewResult preview={preview.data} />}
        <Input.TextArea rows={2} maxLength={300} showCount value={note} onChange={(e) => onNote(e.target.value)} placeholder={t('learning.rules.notePlaceholder')} data-testid="rules-note" />
        <Popconfirm title={t('learning.rules.saveConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={save.run}>
          <Button type="primary" disabled={!dirty || note.trim() === ''} loading={save.pending} data-testid="rules-save">
            {t('learning.rules.save')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

/**
 * The rule set of one region and year: every setting with where its value comes from, a preview
 * of how many people a change moves, and saving as a new version with a note.
 */
export function RulesEditor({ view, base, isNation }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RulesFormValues>();
  const [overrides, setOverrides] = useState<ReadonlySet<WholeSetting>>(() => overridesOf(view.patch));
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  // Bumped on every edit, so that `dirty` below is recomputed.
  const [, setRevision] = useState(0);

  const preview = useMutation({ mutationFn: (patch: RulesPatch) => previewRules(view.regionCode, view.year, patch) });
  const save = useMutation({
    mutationFn: (patch: RulesPatch) => saveRules(view.regionCode, view.year, patch, note.trim()),
    onSuccess: async (saved) => {
      void message.success(t('learning.rules.saved', { version: saved.savedVersion ?? '' }));
      queryClient.setQueryData(learningKeys.rules(view.regionCode, view.year), saved);
      await queryClient.invalidateQueries({ queryKey: ['learning', 'compliance'] });
    },
  });

  const changed = () => {
    preview.reset();
    setIssues([]);
    setRevision((n) => n + 1);
  };

  const toggle = (key: WholeSetting, on: boolean) => {
    setOverrides((prev) => new Set([...prev].filter((k) => k !== key).concat(on ? [key] : [])));
    if (!on) form.setFieldValue(key, inheritedValue(base, key));
    changed();
  };
  const editor: RulesEditorState = { overrides, toggle, base, defaults: view.defaults, isNation };

  const initial = useMemo(() => toFormValues(view.effective, view.patch), [view]);
  // Before the form mounts its store is empty: the initial values stand in.
  const currentPatch = (): RulesPatch =>
    toPatch({ ...initial, ...(form.getFieldsValue(true) as Partial<RulesFormValues>) }, overrides, [view.effective, base, view.defaults]);
  const dirty = JSON.stringify(currentPatch()) !== JSON.stringify(view.patch);

  /** Checks the form, then the patch with the server's rules; runs `then` only when both pass. */
  const checked = (then: (patch: RulesPatch) => void) => async () => {
    if (!(await form.validateFields().then(() => true, () => false))) return;
    const patch = currentPatch();
    const result = validateRulesPatch(patch);
    setIssues(result.ok ? [] : result.details.map((d) => ({ path: d.path, message: t('learning.rules.issue', { setting: describeIssuePath(t, d.path) }) })));
    if (result.ok) then(patch);
  };

  return (
    <RulesEditorContext.Provider value={editor}>
      <Form<RulesFormValues> form={form} initialValues={initial} onValuesChange={changed} data-testid="rules-form">
        <RulesSections />
      </Form>
      <RulesProblems issues={issues} failure={preview.error ?? save.error} />
      <RulesActions
        dirty={dirty}
        note={note}
        onNote={setNote}
        preview={{ data: preview.data, pending: preview.isPending, run: () => void checked((patch) => preview.mutate(patch))() }}
        save={{ pending: save.isPending, run: () => void checked((patch) => save.mutate(patch))() }}
      />
    </RulesEditorContext.Provider>
  );
}
