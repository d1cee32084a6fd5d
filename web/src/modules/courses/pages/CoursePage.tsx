import { App, Button, Card, Descriptions, List, Space, Tag } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { learningLabel } from '../../learning/enums.ts';
import { courseKeys, enrol, fetchPublicCourse } from '../api.ts';

/** A published course: what it is, its chapters, and enrolment for a professional. */
export function CoursePage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const { permissions } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const course = useQuery({ queryKey: courseKeys.publicOne(id), queryFn: () => fetchPublicCourse(id) });
  const join = useMutation({ mutationFn: () => enrol(id), onSuccess: () => navigate(`/courses/${id}/learn`), onError: (e) => void message.error(e.message) });
  if (course.error) return <ErrorAlert error={course.error} />;
  const c = course.data;
  return (
    <Card loading={course.isLoading} title={c?.title} data-testid="course-page"
      extra={permissions.has('course.learn') && <Button type="primary" loading={join.isPending} onClick={() => join.mutate()} data-testid="course-enrol">{t('courses.enrol')}</Button>}>
      {c && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label={t('courses.provider')}>{c.providerName}</Descriptions.Item>
            <Descriptions.Item label={t('courses.hours')}>{c.hours.toFixed(1)}</Descriptions.Item>
            <Descriptions.Item label={t('courses.category')}>{learningLabel(language, 'category', c.category)}</Descriptions.Item>
            <Descriptions.Item label={t('courses.field')}>{learningLabel(language, 'field', c.field)}</Descriptions.Item>
            <Descriptions.Item label={t('courses.modality')}>{t(`courses.modality.${c.modality}` as 'courses.modality.online')}</Descriptions.Item>
            <Descriptions.Item label={t('courses.region')}>{c.regionName}</Descriptions.Item>
          </Descriptions>
          <div>{c.description}</div>
          <List header={t('courses.chapters')} bordered dataSource={c.chapters ?? []}
            renderItem={(ch) => <List.Item>{ch.position}. {ch.title} <Tag>{t(`courses.kind.${ch.kind}`)}</Tag></List.Item>} />
        </Space>
      )}
    </Card>
  );
}
