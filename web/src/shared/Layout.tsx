import { Alert, Button, Layout as AntLayout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useState } from 'react';
import type { LearningPermission } from '../modules/learning/enums.ts';
import type { CoursePermission } from '../modules/courses/enums.ts';
import { useAuth } from './auth.tsx';
import { labelFor, type Permission } from './enums.ts';
import { useI18n, type MessageKey } from './i18n.ts';
import { SEMINARS_GROUP, SEMINARS_MENU } from '../modules/seminars/menu.ts';

type MenuEntry = { path: string; label: MessageKey; permission?: Permission | LearningPermission | CoursePermission };

// Order is the order of the side menu; entries without a permission are shown to every signed-in user.
const MENU: readonly MenuEntry[] = [
  { path: '/', label: 'menu.home' },
  { path: '/regions', label: 'menu.regions' },
  { path: '/departments', label: 'menu.departments' },
  { path: '/organisations', label: 'menu.organisations', permission: 'organisation.read' },
  { path: '/people', label: 'menu.people', permission: 'person.read' },
  { path: '/accounts', label: 'menu.accounts', permission: 'account.read' },
  { path: '/calendar', label: 'menu.calendar' },
  { path: '/password', label: 'menu.password' },
];

// The learning group (学时管理), shown when the user may open at least one of its pages.
const LEARNING_GROUP = 'learning';
const LEARNING_MENU: readonly MenuEntry[] = [
  { path: '/learning/archive', label: 'menu.learning.archive', permission: 'learning.self' },
  { path: '/learning/review', label: 'menu.learning.review', permission: 'learning.record.review' },
  { path: '/learning/confirm', label: 'menu.learning.confirm', permission: 'learning.record.confirm' },
  { path: '/learning/compliance', label: 'menu.learning.compliance', permission: 'learning.compliance.read' },
  { path: '/learning/rules', label: 'menu.learning.rules', permission: 'learning.rules.manage' },
  { path: '/learning/api-keys', label: 'menu.learning.apiKeys', permission: 'learning.apikey.manage' },
  { path: '/learning/reports', label: 'menu.learning.reports', permission: 'learning.apikey.manage' },
];

// The courses group (课程学习): the catalogue for everyone, the rest by permission.
const COURSES_GROUP = 'courses';
const COURSES_MENU: readonly MenuEntry[] = [
  { path: '/courses', label: 'menu.courses.catalogue' },
  { path: '/courses/manage', label: 'menu.courses.manage', permission: 'course.write' },
  { path: '/courses/review', label: 'menu.courses.review', permission: 'course.review' },
  { path: '/courses/public-subjects', label: 'menu.courses.publicSubjects' },
];

// The plans group (任务计划).
const PLANS_GROUP = 'plans';
const PLANS_MENU: readonly MenuEntry[] = [
  { path: '/plans/dashboard', label: 'menu.plans.dashboard', permission: 'plan.read' },
  { path: '/plans/summaries', label: 'menu.plans.summaries', permission: 'plan.summary.submit' },
  { path: '/plans', label: 'menu.plans.list', permission: 'plan.read' },
];

// The seminar enrolment group (高级研修报名): professionals enrol, hosts run their seminars.
const SEMINAR_ENROLMENT_GROUP = 'seminar-enrolment';
const SEMINAR_ENROLMENT_MENU: readonly MenuEntry[] = [
  { path: '/seminar-enrolment/open', label: 'menu.seminarEnrolment.open', permission: 'seminar.enrol' },
  { path: '/seminar-enrolment/mine', label: 'menu.seminarEnrolment.mine', permission: 'seminar.enrol' },
  { path: '/seminar-enrolment/hosted', label: 'menu.seminarEnrolment.hosted', permission: 'seminar.host' },
];

function selectedKey(pathname: string): string {
  const match = [...MENU, ...LEARNING_MENU, ...COURSES_MENU, ...PLANS_MENU, ...SEMINARS_MENU, ...SEMINAR_ENROLMENT_MENU].sort((a, b) => b.path.length - a.path.length).filter((m) => m.path !== '/' && (pathname === m.path || pathname.startsWith(`${m.path}/`)));
  return match[0]?.path ?? '/';
}

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <Tooltip title={t('lang.tooltip')}>
      <Button
        size="small"
        data-testid="lang-switch"
        aria-label={t('lang.tooltip')}
        onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t('lang.switchTo')}
      </Button>
    </Tooltip>
  );
}

function UserBox() {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Space size="small" wrap style={{ justifyContent: 'flex-end', flexShrink: 0, maxWidth: '70%' }}>
      <Typography.Text strong data-testid="current-user">
        {me.displayName}
      </Typography.Text>
      {me.grants.map((g) => (
        <Tag key={`${g.role}:${g.scopeType}:${g.scopeId}`} color="blue" style={{ marginInlineEnd: 0 }}>
          {t('layout.grant', { role: labelFor(t, 'role', g.role), scope: g.scopeName })}
        </Tag>
      ))}
      <LanguageSwitch />
      <Button
        size="small"
        data-testid="logout"
        onClick={() => void logout().finally(() => navigate('/login', { replace: true }))}
      >
        {t('auth.logout')}
      </Button>
    </Space>
  );
}

/** Signed-in shell: side menu filtered by permission, header with user, scopes and language. */
export function Layout() {
  const { me, permissions } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const visible = (entries: readonly MenuEntry[]) =>
    entries.filter((m) => !m.permission || permissions.has(m.permission)).map((m) => ({ key: m.path, label: <Link to={m.path}>{t(m.label)}</Link> }));
  const learning = visible(LEARNING_MENU);
  const courses = visible(COURSES_MENU);
  const plans = visible(PLANS_MENU);
  const seminars = visible(SEMINARS_MENU);
  const seminarEnrolment = visible(SEMINAR_ENROLMENT_MENU);
  const main = visible(MENU);
  // The learning group goes before the account's own entry (修改密码), which stays last.
  const items: MenuProps['items'] = [
    ...main.slice(0, -1),
    ...(learning.length > 0 ? [{ key: LEARNING_GROUP, label: t('menu.learning'), children: learning }] : []),
    { key: COURSES_GROUP, label: t('menu.courses'), children: courses },
    ...(plans.length > 0 ? [{ key: PLANS_GROUP, label: t('menu.plans'), children: plans }] : []),
    { key: SEMINARS_GROUP, label: t('menu.seminars'), children: seminars },
    ...(seminarEnrolment.length > 0 ? [{ key: SEMINAR_ENROLMENT_GROUP, label: t('menu.seminarEnrolment'), children: seminarEnrolment }] : []),
    ...main.slice(-1),
  ];

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220}>
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 20, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {t('app.name')}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} defaultOpenKeys={[LEARNING_GROUP, COURSES_GROUP, PLANS_GROUP, SEMINARS_GROUP, SEMINAR_ENROLMENT_GROUP]} items={items} />
      </AntLayout.Sider>
      <AntLayout>
        <AntLayout.Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, height: 'auto', minHeight: 64, lineHeight: '32px' }}
        >
          <Typography.Text strong style={{ fontSize: 16, flex: 1, minWidth: 0 }} ellipsis={{ tooltip: t('app.fullName') }}>
            {t('app.fullName')}
          </Typography.Text>
          <UserBox />
        </AntLayout.Header>
        <AntLayout.Content style={{ margin: 24 }}>
          {me?.mustChangePassword && location.pathname !== '/password' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('auth.mustChangePassword')}
              action={<Link to="/password">{t('auth.changePasswordNow')}</Link>}
            />
          )}
          <Outlet />
        </AntLayout.Content>
        <AntLayout.Footer style={{ textAlign: 'center', color: '#888' }}>{t('app.footer')}</AntLayout.Footer>
      </AntLayout>
    </AntLayout>
  );
}
