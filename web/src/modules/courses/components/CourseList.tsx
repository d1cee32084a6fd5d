import { useState } from 'react';
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n.ts';
import { learningLabel, learningOptions } from '../../learning/enums.ts';
import { courseKeys, fetchPublicCourses, type CourseQuery } from '../api.ts';

/** The published catalogue with search and filters (field, category, region); links to each course page. */
export function CourseList({ linkBase }: { linkBase: string }) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState<CourseQuery>({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: courseKeys.publicList(query), queryFn: () => fetchPublicCourses(query) });
  const set = (patch: CourseQuery) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="course-catalogue">
      <Space wrap>
        <Input.Search allowClear placeholder={t('courses.search')} onSearch={(q) => set({ q: q || undefined })} style={{ width: 240 }} data-testid="course-search" />
        <Select allowClear placeholder={t('courses.field')} options={learningOptions(language, 'field')} onChange={(field?: string) => set({ field })} style={{ width: 200 }} />
        <Select allowClear placeholder={t('courses.category')} options={learningOptions(language, 'category')} onChange={(category?: string) => set({ category })} style={{ width: 160 }} />
        <Input allowClear placeholder={t('courses.regionCode')} onChange={(e) => set({ regionCode: /^\d{6}$/.test(e.target.value) ? e.target.value : undefined })} style={{ width: 160 }} />
      </Space>
      <List
        loading={list.isLoading}
        locale={{ emptyText: <Empty description={t('courses.empty')} /> }}
        dataSource={list.data?.items ?? []}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, onChange: (page) => setQuery((q) => ({ ...q, page })) }}
        grid={{ gutter: 16, column: 3, xs: 1, md: 2 }}
        renderItem={(course) => (
          <List.Item>
            <Card title={<Link to={`${linkBase}/${course.id}`} data-testid="course-link">{course.title}</Link>} size="small">
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>{course.description || '—'}</Typography.Paragraph>
              <Space wrap>
                <Tag color="blue">{learningLabel(language, 'category', course.category)}</Tag>
                <Tag>{learningLabel(language, 'field', course.field)}</Tag>
                <Tag color="green">{t('courses.hoursValue', { hours: course.hours.toFixed(1) })}</Tag>
              </Space>
              <div style={{ marginTop: 8 }}>{course.providerName} · {course.regionName}</div>
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}
