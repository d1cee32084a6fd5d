import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth.tsx';
import { useI18n } from '../../../shared/i18n.ts';
import { chinaYear } from '../../learning/enums.ts';
import { courseKeys, fetchPublicCourses, fetchPublicSubjects, savePublicSubjects } from '../api.ts';
import { PUBLIC_SUBJECT_THEMES, themeLabel } from '../enums.ts';

/** The yearly public-subject catalogue: the list in force and its history; the editor for its keeper. */
export function PublicSubjectsPage() {
  const { t, language } = useI18n();
  const { me, permissions } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const own = me?.grants.find((g) => g.role === 'province_admin')?.scopeId ?? '000000';
  const [region, setRegion] = useState(own);
  const [year, setYear] = useState(chinaYear());
  const [theme, setTheme] = useState<string>(PUBLIC_SUBJECT_THEMES[0]);
  const [courseId, setCourseId] = useState<string>();
  const view = useQuery({ queryKey: courseKeys.publicSubjects(region, year), queryFn: () => fetchPublicSubjects(region, year) });
  const options = useQuery({ queryKey: courseKeys.publicList({ category: 'public', pageSize: 100 }), queryFn: () => fetchPublicCourses({ category: 'public', pageSize: 100 }) });
  const canEdit = permissions.has('course.catalogue.manage');
  const ownItems = (view.data?.items ?? []).filter((i) => (region === '000000' ? true : i.source === 'province')).map(({ theme: th, courseId: id }) => ({ theme: th, courseId: id }));
  const save = (items: { theme: string; courseId: string }[], adopts: number | null) =>
    void savePublicSubjects(region, year, { items, adoptsNationalVersion: region === '000000' ? null : adopts, note: '' })
      .then(() => queryClient.invalidateQueries({ queryKey: courseKeys.publicSubjects(region, year) }), (e: Error) => void message.error(e.message));
  return (
    <Card title={t('courses.publicSubjects')} data-testid="public-subjects">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input value={region} onChange={(e) => setRegion(e.target.value)} style={{ width: 110 }} />
        <InputNumber value={year} onChange={(v) => setYear(v ?? chinaYear())} />
        {view.data && <Tag>{t('courses.publicSubjects.version', { version: view.data.version ?? '—', national: view.data.nationalVersion ?? '—' })}</Tag>}
      </Space>
      <Table rowKey="courseId" loading={view.isLoading} dataSource={view.data?.items ?? []} pagination={false}
        columns={[
          { title: t('courses.publicSubjects.theme'), dataIndex: 'theme', render: (th: string) => themeLabel(language, th) },
          { title: t('courses.title'), dataIndex: 'title' },
          { title: t('courses.provider'), dataIndex: 'providerName' },
          { title: t('courses.hours'), dataIndex: 'hours' },
          { title: '', dataIndex: 'source', render: (s: string, i) => <>{t(s === 'national' ? 'courses.publicSubjects.national' : 'courses.publicSubjects.province')}{i.free && <Tag color="green">{t('courses.publicSubjects.free')}</Tag>}</> },
        ]} />
      {canEdit && (
        <Space wrap style={{ marginTop: 16 }}>
          <Select value={theme} onChange={setTheme} style={{ width: 160 }} options={PUBLIC_SUBJECT_THEMES.map((th) => ({ value: th, label: themeLabel(language, th) }))} />
          <Select value={courseId} onChange={setCourseId} style={{ width: 260 }} placeholder={t('courses.title')} options={(options.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} />
          <Button disabled={!courseId} onClick={() => courseId && save([...ownItems, { theme, courseId }], view.data?.adoptsNationalVersion ?? null)}>{t('courses.publicSubjects.add')}</Button>
          {region !== '000000' && <Button onClick={() => void fetchPublicSubjects('000000', year).then((n) => save(ownItems, n.version))}>{t('courses.publicSubjects.adopt')}</Button>}
        </Space>
      )}
      <Table style={{ marginTop: 16 }} rowKey="version" size="small" dataSource={view.data?.history ?? []} pagination={false} title={() => t('courses.publicSubjects.history')}
        columns={[{ title: 'v', dataIndex: 'version' }, { title: t('courses.publicSubjects.adopts'), dataIndex: 'adoptsNationalVersion' }, { title: '#', dataIndex: 'itemCount' }, { title: '', dataIndex: 'createdAt' }]} />
    </Card>
  );
}
