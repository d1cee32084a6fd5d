import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Progress as Bar, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { fetchChapterContent, mediaUrl, sendHeartbeat, startSession, type Chapter, type ChapterProgress, type Progress } from '../api.ts';

const HEARTBEAT_MS = 10_000;

/**
 * One chapter with its heartbeats: the player reports its position every 10 s while playing, and
 * on pause, end and when the tab is hidden; the server decides what counts. A PDF or HTML page
 * reports the seconds spent on it while the tab is visible. If another window takes over, this
 * one stops and says so.
 */
export function ChapterViewer({ courseId, chapter, onProgress, onChapter }: { courseId: string; chapter: Chapter; onProgress: (p: Progress) => void; onChapter: (c: ChapterProgress) => void }) {
  const { t } = useI18n();
  const session = useRef<string | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const pageSeconds = useRef(0);
  const [superseded, setSuperseded] = useState(false);
  const [capped, setCapped] = useState(false);
  const content = useQuery({ queryKey: ['courses', 'chapter', courseId, chapter.id], queryFn: () => fetchChapterContent(courseId, chapter.id), enabled: chapter.kind === 'html' });

  const begin = useCallback(async () => {
    setSuperseded(false);
    const s = await startSession(courseId, chapter.id, video.current?.currentTime ?? pageSeconds.current);
    session.current = s.sessionId;
  }, [courseId, chapter.id]);

  const position = useCallback(() => (chapter.kind === 'video' ? (video.current?.currentTime ?? 0) : pageSeconds.current), [chapter.kind]);

  const beat = useCallback(async () => {
    if (!session.current) return;
    try {
      const r = await sendHeartbeat(courseId, { sessionId: session.current, chapterId: chapter.id, position: position() });
      setCapped(r.dailyCapReached);
      if (r.progress) onProgress(r.progress);
      else onChapter(r.chapter);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'COURSE_SESSION_SUPERSEDED') {
        session.current = null;
        setSuperseded(true);
        video.current?.pause();
      }
    }
  }, [courseId, chapter.id, onProgress, onChapter, position]);

  useEffect(() => {
    pageSeconds.current = 0;
    void begin();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void beat();
    };
    document.addEventListener('visibilitychange', onHidden);
    // Pages (HTML, PDF): count seconds while visible, up to the chapter's reading time.
    const clock = chapter.kind === 'video' ? null : setInterval(() => {
      if (document.visibilityState === 'visible' && pageSeconds.current < chapter.durationSeconds) pageSeconds.current += 1;
    }, 1000);
    const timer = setInterval(() => {
      if (chapter.kind !== 'video' || (video.current && !video.current.paused)) void beat();
    }, HEARTBEAT_MS);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      if (clock) clearInterval(clock);
      clearInterval(timer);
      void beat();
    };
  }, [begin, beat, chapter.kind, chapter.durationSeconds]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="chapter-viewer">
      {superseded && (
        <Alert type="warning" showIcon title={t('courses.player.superseded')} action={<Button size="small" onClick={() => void begin()}>{t('courses.player.continueHere')}</Button>} />
      )}
      {capped && <Alert type="info" showIcon title={t('courses.player.dailyCap')} />}
      {chapter.kind === 'video' && chapter.mediaId && (
        <video ref={video} src={mediaUrl(courseId, chapter.mediaId)} controls muted preload="metadata" style={{ width: '100%', maxHeight: 480, background: '#000' }}
          data-testid="chapter-video" onPause={() => void beat()} onEnded={() => void beat()} />
      )}
      {chapter.kind === 'pdf' && chapter.mediaId && <a href={mediaUrl(courseId, chapter.mediaId)} target="_blank" rel="noreferrer">{t('courses.player.openPdf')}</a>}
      {chapter.kind === 'html' && (
        // The HTML was sanitised by the server when the provider saved it.
        <div className="chapter-html" dangerouslySetInnerHTML={{ __html: content.data?.html ?? '' }} />
      )}
      {chapter.kind !== 'video' && <PageClock seconds={() => pageSeconds.current} duration={chapter.durationSeconds} />}
    </Space>
  );
}

function PageClock({ seconds, duration }: { seconds: () => number; duration: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, []);
  return <Bar percent={Math.min(100, Math.round((seconds() * 100) / duration))} size="small" />;
}
