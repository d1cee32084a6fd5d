import { useCallback, useState } from 'react';
import { App, Button, Card, Col, List, Progress as Bar, Result, Row, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { courseKeys, fetchCertificate, fetchMyCourse, fetchProgress, type ChapterProgress, type Progress } from '../api.ts';
import { ChapterViewer } from '../components/ChapterViewer.tsx';
import { Quiz } from '../components/Quiz.tsx';

/** The player: chapter list with progress, the chapter being studied, then the quiz and the result. */
export function PlayerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const course = useQuery({ queryKey: courseKeys.enrolled(id), queryFn: () => fetchMyCourse(id) });
  const progress = useQuery({ queryKey: courseKeys.progress(id), queryFn: () => fetchProgress(id) });
  const [chapterId, setChapterId] = useState<string | null>(null);
  const onProgress = useCallback((p: Progress) => queryClient.setQueryData(courseKeys.progress(id), p), [queryClient, id]);
  // Between completions a heartbeat carries only its chapter: patch it in, and the bar with it.
  const onChapter = useCallback((c: ChapterProgress) => queryClient.setQueryData<Progress>(courseKeys.progress(id), (old) => {
    if (!old) return old;
    const chapters = old.chapters.map((x) => (x.chapterId === c.chapterId ? c : x));
    const all = course.data?.chapters ?? [];
    const total = all.reduce((sum, ch) => sum + ch.durationSeconds, 0);
    const covered = all.reduce((sum, ch) => sum + Math.min(ch.durationSeconds, chapters.find((x) => x.chapterId === ch.id)?.coveredSeconds ?? 0), 0);
    return { ...old, chapters, percent: total ? Math.floor((covered * 100) / total) : old.percent };
  }), [queryClient, id, course.data]);
  if (course.error || progress.error) return <ErrorAlert error={course.error ?? progress.error} />;
  const chapters = course.data?.chapters ?? [];
  const p = progress.data;
  const done = new Set(p?.chapters.filter((c) => c.completed).map((c) => c.chapterId));
  const current = chapters.find((c) => c.id === chapterId) ?? chapters.find((c) => !done.has(c.id)) ?? chapters[0];
  const quizOpen = p && course.data && course.data.quizSize > 0 && p.completedChapters === p.chapterCount && !p.quizPassed;
  const download = () => void fetchCertificate(id).then((blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `course-certificate-${id}.pdf`;
    a.click();
  }, (e: Error) => void message.error(e.message));

  return (
    <Row gutter={16} data-testid="course-player">
      <Col xs={24} md={7}>
        <Card title={course.data?.title} size="small">
          <Bar percent={p?.percent ?? 0} data-testid="course-progress" />
          <Typography.Text type="secondary">{t('courses.player.studied', { hours: (p?.studyCreditHours ?? 0).toFixed(1), minutes: Math.floor((p?.studiedSecondsTotal ?? 0) / 60) })}</Typography.Text>
          <List size="small" dataSource={chapters} renderItem={(ch) => (
            <List.Item onClick={() => setChapterId(ch.id)} style={{ cursor: 'pointer', fontWeight: ch.id === current?.id ? 600 : 400 }} data-testid="chapter-item">
              <Space>{ch.position}. {ch.title}{done.has(ch.id) && <Tag color="green" data-testid="chapter-done">{t('courses.player.done')}</Tag>}</Space>
            </List.Item>
          )} />
        </Card>
      </Col>
      <Col xs={24} md={17}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {p?.completedAt ? (
            <Result status="success" title={t('courses.player.completed', { hours: course.data?.hours.toFixed(1) ?? '' })} data-testid="course-completed"
              extra={[<Button key="cert" onClick={download} data-testid="course-certificate">{t('courses.player.certificate')}</Button>, <Link key="archive" to="/learning/archive">{t('courses.player.toArchive')}</Link>]} />
          ) : null}
          {current && !p?.completedAt && <Card title={current.title} size="small"><ChapterViewer key={current.id} courseId={id} chapter={current} onProgress={onProgress} onChapter={onChapter} /></Card>}
          {quizOpen && <Quiz courseId={id} onDone={onProgress} />}
        </Space>
      </Col>
    </Row>
  );
}
