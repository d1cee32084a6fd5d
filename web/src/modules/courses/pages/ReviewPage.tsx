import { App, Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n.ts';
import { learningLabel } from '../../learning/enums.ts';
import { courseKeys, fetchCourses, reviewCourse, type Course } from '../api.ts';

/** The administrator's queue of submitted courses: publish, or send back with a reason. */
export function ReviewPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const list = useQuery({ queryKey: courseKeys.list({ status: 'submitted' }), queryFn: () => fetchCourses({ status: 'submitted', pageSize: 100 }) });
  const decide = (id: string, decision: 'publish' | 'reject') =>
    void reviewCourse(id, decision, reasons[id]).then(() => queryClient.invalidateQueries({ queryKey: courseKeys.all }), (e: Error) => void message.error(e.message));
  return (
    <Card title={t('courses.review')} data-testid="course-review">
      <Table<Course> rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false}
        columns={[
          { title: t('courses.title'), dataIndex: 'title' },
          { title: t('courses.provider'), dataIndex: 'providerName' },
          { title: t('courses.field'), dataIndex: 'field', render: (f: string) => learningLabel(language, 'field', f) },
          { title: t('courses.hours'), dataIndex: 'hours' },
          { title: t('courses.chapters'), dataIndex: 'chapterCount' },
          {
            title: '', key: 'actions', render: (_: unknown, c) => (
              <Space>
                <Button type="primary" size="small" onClick={() => decide(c.id, 'publish')}>{t('courses.review.publish')}</Button>
                <Input size="small" placeholder={t('courses.review.reason')} onChange={(e) => setReasons((r) => ({ ...r, [c.id]: e.target.value }))} style={{ width: 160 }} />
                <Button size="small" danger onClick={() => decide(c.id, 'reject')}>{t('courses.review.reject')}</Button>
              </Space>
            ),
          },
        ]} />
    </Card>
  );
}
