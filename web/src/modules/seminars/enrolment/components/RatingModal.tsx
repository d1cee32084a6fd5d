import { App, Form, Input, Modal, Rate } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CRITERIA, enrolKeys, rate, type Scores } from '../api.ts';
import { describeError } from '../../../../shared/errors.ts';
import { useI18n } from '../../../../shared/i18n.ts';

/** A trainee's rating: 1–5 per criterion and a comment, once. */
export function RatingModal({ seminarId, onClose }: { seminarId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Scores & { comment: string }>();
  const save = useMutation({
    mutationFn: (v: Scores & { comment: string }) => rate(seminarId ?? '', { scores: { content: v.content, teachers: v.teachers, organisation: v.organisation, facilities: v.facilities }, comment: v.comment ?? '' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: enrolKeys.mine });
      void message.success(t('semEnrol.rate.done'));
      onClose();
    },
    onError: (e: unknown) => void message.error(describeError(t, e)),
  });
  return (
    <Modal open={!!seminarId} title={t('semEnrol.rate.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ content: 5, teachers: 5, organisation: 5, facilities: 5 }} onFinish={(v) => save.mutate(v)}>
        {CRITERIA.map((c) => (
          <Form.Item key={c} name={c} label={t(`semEnrol.criterion.${c}`)} rules={[{ required: true }]}><Rate /></Form.Item>
        ))}
        <Form.Item name="comment" label={t('semEnrol.comment')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
