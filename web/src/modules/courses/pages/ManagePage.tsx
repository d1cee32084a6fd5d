import { useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { learningLabel, learningOptions } from '../../learning/enums.ts';
import { courseKeys, createCourse, fetchCourses, type Course, type CourseBody } from '../api.ts';
import { CourseEditor } from '../components/CourseEditor.tsx';
import { OrganisationSelect } from '../../registry/components/OrganisationSelect.tsx';

const STATUS_COLOURS: Record<string, string> = { draft: 'default', submitted: 'gold', published: 'green', withdrawn: 'red' };

/** The provider's courses: drafts and their status, a new course, and the courseware editor. */
export function ManagePage() {
  const { t, language } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: courseKeys.list({}), queryFn: () => fetchCourses({ pageSize: 100 }) });
  // An institution's administrator offers its own courses; the national administrator picks the institution.
  const ownProvider = me?.grants.find((g) => g.role === 'organisation_admin')?.scopeId;
  const create = (v: CourseBody) =>
    void createCourse({ ...v, providerId: ownProvider ?? v.providerId, targetLevels: v.targetLevels ?? [], description: v.description ?? '' }).then((c) => {
      void queryClient.invalidateQueries({ queryKey: courseKeys.all });
      setOpen(c.id);
    }, (e: Error) => void message.error(e.message));
  return (
    <Card title={t('courses.manage')} data-testid="course-manage">
      <Form layout="inline" onFinish={create} style={{ marginBottom: 16 }} initialValues={{ category: 'professional', field: 'other', modality: 'online', hours: 1, quizSize: 0, quizPassPercent: 60, quizMaxAttempts: 3 }}>
        {!ownProvider && (
          <Form.Item name="providerId" rules={[{ required: true, message: t('courses.providerRequired') }]}>
            <OrganisationSelect role="training_institution" placeholder={t('courses.provider')} style={{ width: 240 }} data-testid="course-provider" />
          </Form.Item>
        )}
        <Form.Item name="title" rules={[{ required: true }]}><Input placeholder={t('courses.title')} /></Form.Item>
        <Form.Item name="category"><Select style={{ width: 130 }} options={learningOptions(language, 'category')} /></Form.Item>
        <Form.Item name="field"><Select style={{ width: 160 }} options={learningOptions(language, 'field')} /></Form.Item>
        <Form.Item name="modality"><Select style={{ width: 110 }} options={['online', 'face_to_face', 'blended'].map((m) => ({ value: m, label: t(`courses.modality.${m as 'online'}`) }))} /></Form.Item>
        <Form.Item name="hours" label={t('courses.hours')}><InputNumber min={0.1} step={0.5} /></Form.Item>
        <Form.Item name="quizSize" label={t('courses.quizSize')}><InputNumber min={0} max={50} /></Form.Item>
        <Form.Item name="quizPassPercent" label={t('courses.passPercent')}><InputNumber min={1} max={100} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('courses.create')}</Button>
      </Form>
      <Table<Course> rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false}
        columns={[
          { title: t('courses.title'), dataIndex: 'title', render: (title: string, c) => <Button type="link" onClick={() => setOpen(c.id)}>{title}</Button> },
          { title: t('courses.provider'), dataIndex: 'providerName' },
          { title: t('courses.field'), dataIndex: 'field', render: (f: string) => learningLabel(language, 'field', f) },
          { title: t('courses.hours'), dataIndex: 'hours' },
          { title: t('courses.status'), dataIndex: 'status', render: (s: string, c) => <><Tag color={STATUS_COLOURS[s]}>{t(`courses.status.${s as 'draft'}`)}</Tag>{c.reviewReason}</> },
        ]} />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={t('courses.editor')}>
        {open && <CourseEditor courseId={open} />}
      </Drawer>
    </Card>
  );
}
