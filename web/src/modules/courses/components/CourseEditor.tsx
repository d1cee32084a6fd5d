import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, List, Progress as Bar, Select, Space, Tag, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n.ts';
import { addChapter, addQuestion, courseKeys, fetchCourse, fetchQuestions, submitCourse, uploadChapterFile, type Chapter } from '../api.ts';

/** A draft's courseware: chapters (with file upload and its progress), the quiz bank, and submission. */
export function CourseEditor({ courseId }: { courseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const course = useQuery({ queryKey: courseKeys.one(courseId), queryFn: () => fetchCourse(courseId) });
  const questions = useQuery({ queryKey: courseKeys.questions(courseId), queryFn: () => fetchQuestions(courseId) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: courseKeys.all });
  const fail = (e: Error) => void message.error(e.message);
  const editable = course.data?.abilities?.edit ?? false;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="course-editor">
      <List header={t('courses.chapters')} bordered dataSource={course.data?.chapters ?? []} renderItem={(ch) => (
        <List.Item>
          <Space wrap>{ch.position}. {ch.title} <Tag>{t(`courses.kind.${ch.kind}`)}</Tag> {ch.durationSeconds}s
            {ch.kind !== 'html' && (ch.mediaId ? <Tag color="green">{ch.contentType}</Tag> : <Tag color="red">{t('courses.editor.noFile')}</Tag>)}
            {editable && ch.kind !== 'html' && <ChapterUpload courseId={courseId} chapter={ch} onDone={refresh} />}
          </Space>
        </List.Item>
      )} />
      {editable && (
        <Form layout="inline" onFinish={(v: { title: string; kind: string; durationSeconds: number; html?: string }) => void addChapter(courseId, { ...v, html: v.html ?? '' }).then(refresh, fail)}>
          <Form.Item name="title" rules={[{ required: true }]}><Input placeholder={t('courses.editor.chapterTitle')} /></Form.Item>
          <Form.Item name="kind" initialValue="video"><Select style={{ width: 100 }} options={['video', 'pdf', 'html'].map((k) => ({ value: k, label: t(`courses.kind.${k as 'video'}`) }))} /></Form.Item>
          <Form.Item name="durationSeconds" rules={[{ required: true }]}><InputNumber min={1} placeholder={t('courses.editor.seconds')} /></Form.Item>
          <Form.Item name="html"><Input.TextArea placeholder="HTML" rows={1} style={{ width: 240 }} /></Form.Item>
          <Button htmlType="submit">{t('courses.editor.addChapter')}</Button>
        </Form>
      )}
      <List header={t('courses.editor.questions', { n: questions.data?.length ?? 0 })} size="small" dataSource={questions.data ?? []}
        renderItem={(q) => <List.Item>{q.stem} — {q.options.map((o, i) => (q.answer.includes(i) ? `[${o}]` : o)).join(' / ')}</List.Item>} />
      {editable && (
        <Form layout="inline" onFinish={(v: { stem: string; options: string; answer: string }) => {
          const answer = v.answer.split(/[,，\s]+/).filter(Boolean).map((n) => Number(n) - 1);
          void addQuestion(courseId, { kind: answer.length > 1 ? 'multiple' : 'single', stem: v.stem, options: v.options.split('|').map((o) => o.trim()).filter(Boolean), answer }).then(refresh, fail);
        }}>
          <Form.Item name="stem" rules={[{ required: true }]}><Input placeholder={t('courses.editor.stem')} /></Form.Item>
          <Form.Item name="options" rules={[{ required: true }]}><Input placeholder={t('courses.editor.options')} /></Form.Item>
          <Form.Item name="answer" rules={[{ required: true }]}><Input placeholder={t('courses.editor.answer')} style={{ width: 120 }} /></Form.Item>
          <Button htmlType="submit">{t('courses.editor.addQuestion')}</Button>
        </Form>
      )}
      {course.data?.abilities?.submit && <Button type="primary" onClick={() => void submitCourse(courseId).then(refresh, fail)} data-testid="course-submit">{t('courses.editor.submit')}</Button>}
    </Space>
  );
}

/** Upload with a progress bar: XMLHttpRequest's upload events (fetch has none). */
function ChapterUpload({ courseId, chapter, onDone }: { courseId: string; chapter: Chapter; onDone: () => void }) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Space>
      <Upload showUploadList={false} accept={chapter.kind === 'video' ? 'video/mp4,video/webm' : 'application/pdf'} customRequest={({ file }) => {
        setPercent(0);
        void uploadChapterFile(courseId, chapter.id, file as File, setPercent).then((r) => {
          if (!r.ok) void message.error(r.error.message);
          setPercent(null);
          onDone();
        });
      }}>
        <Button size="small">{t('courses.editor.upload')}</Button>
      </Upload>
      {percent !== null && <Bar percent={percent} size="small" style={{ width: 120 }} data-testid="upload-progress" />}
    </Space>
  );
}
