import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Radio, Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n.ts';
import { startQuiz, submitQuiz, type Progress, type QuizAttempt } from '../api.ts';

/** The course quiz: questions drawn by the server, answers chosen here and scored on the server. */
export function Quiz({ courseId, onDone }: { courseId: string; onDone: (progress: Progress) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [attempt, setAttempt] = useState<QuizAttempt | null>(null);
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [result, setResult] = useState<{ scorePercent: number; passed: boolean; attemptsLeft: number } | null>(null);
  const begin = () => startQuiz(courseId).then((a) => { setAttempt(a); setAnswers({}); setResult(null); }, (e: Error) => void message.error(e.message));
  const send = () => {
    if (!attempt) return;
    void submitQuiz(courseId, attempt.id, answers).then((r) => {
      setResult(r);
      setAttempt(null);
      onDone(r.progress);
    }, (e: Error) => void message.error(e.message));
  };
  return (
    <Card title={t('courses.quiz')} data-testid="course-quiz">
      {result && <Alert style={{ marginBottom: 12 }} type={result.passed ? 'success' : 'warning'} data-testid="quiz-result"
        title={t(result.passed ? 'courses.quiz.passed' : 'courses.quiz.failed', { score: result.scorePercent, left: result.attemptsLeft })} />}
      {!attempt && !result?.passed && <Button type="primary" onClick={() => void begin()} data-testid="quiz-start">{t('courses.quiz.start')}</Button>}
      {attempt && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {attempt.questions.map((q, i) => (
            <div key={q.id} data-testid="quiz-question">
              <Typography.Text strong>{i + 1}. {q.stem} ({t(q.kind === 'single' ? 'courses.quiz.single' : 'courses.quiz.multiple')})</Typography.Text>
              <div>
                {q.kind === 'single' ? (
                  <Radio.Group value={answers[q.id]?.[0]} onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: [Number(e.target.value)] }))}
                    options={q.options.map((label, value) => ({ label, value }))} />
                ) : (
                  <Checkbox.Group value={answers[q.id] ?? []} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v.map(Number) }))}
                    options={q.options.map((label, value) => ({ label, value }))} />
                )}
              </div>
            </div>
          ))}
          <Button type="primary" onClick={send} data-testid="quiz-submit">{t('courses.quiz.submit')}</Button>
        </Space>
      )}
    </Card>
  );
}
