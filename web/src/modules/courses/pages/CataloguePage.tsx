import { Card, Layout, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n.ts';
import { LanguageSwitch } from '../../../shared/Layout.tsx';
import { CourseList } from '../components/CourseList.tsx';

/** The course catalogue inside the app. */
export function CataloguePage() {
  const { t } = useI18n();
  return (
    <Card title={t('courses.catalogue')}>
      <CourseList linkBase="/courses" />
    </Card>
  );
}

/** The public catalogue: published courses for anyone, no sign-in. */
export function PublicCataloguePage() {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text strong>{t('app.fullName')} · {t('courses.catalogue')}</Typography.Text>
        <Space>
          <LanguageSwitch />
          <Link to="/login">{t('courses.signInToLearn')}</Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ margin: 24 }}>
        <CourseList linkBase="/courses" />
      </Layout.Content>
    </Layout>
  );
}
