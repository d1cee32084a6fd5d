import { lazy, Suspense, type ComponentType } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider, FullPageSpin, RequireAuth } from './shared/auth.tsx';
import { I18nProvider, useI18n } from './shared/i18n.ts';
import { Layout } from './shared/Layout.tsx';
import { NotFoundPage } from './shared/NotFoundPage.tsx';
import { CalendarPage } from './modules/calendar/CalendarPage.tsx';

// antd ships its locales as CommonJS: TypeScript (NodeNext) sees the module object, the bundler
// already hands over its `default`; accept both.
function esDefault<T>(value: T | { default: T }): T {
  return typeof value === 'object' && value !== null && 'default' in value ? value.default : value;
}
const enUS = esDefault(enUSModule);
const zhCN = esDefault(zhCNModule);

// Pages load on demand; a named export is adapted to what React.lazy expects.
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}

const LoginPage = page(() => import('./modules/auth/pages/LoginPage.tsx'), (m) => m.LoginPage);
const RegisterPage = page(() => import('./modules/auth/pages/RegisterPage.tsx'), (m) => m.RegisterPage);
const ChangePasswordPage = page(() => import('./modules/auth/pages/ChangePasswordPage.tsx'), (m) => m.ChangePasswordPage);
const HomePage = page(() => import('./modules/home/pages/HomePage.tsx'), (m) => m.HomePage);
const RegionsPage = page(() => import('./modules/registry/pages/RegionsPage.tsx'), (m) => m.RegionsPage);
const DepartmentsPage = page(() => import('./modules/registry/pages/DepartmentsPage.tsx'), (m) => m.DepartmentsPage);
const OrganisationsPage = page(() => import('./modules/registry/pages/OrganisationsPage.tsx'), (m) => m.OrganisationsPage);
const OrganisationDetailPage = page(
  () => import('./modules/registry/pages/OrganisationDetailPage.tsx'),
  (m) => m.OrganisationDetailPage,
);
const PeoplePage = page(() => import('./modules/registry/pages/PeoplePage.tsx'), (m) => m.PeoplePage);
const PersonDetailPage = page(() => import('./modules/registry/pages/PersonDetailPage.tsx'), (m) => m.PersonDetailPage);
const AccountsPage = page(() => import('./modules/registry/pages/AccountsPage.tsx'), (m) => m.AccountsPage);
const ArchivePage = page(() => import('./modules/learning/pages/ArchivePage.tsx'), (m) => m.ArchivePage);
const ReviewPage = page(() => import('./modules/learning/pages/ReviewPage.tsx'), (m) => m.ReviewPage);
const ConfirmPage = page(() => import('./modules/learning/pages/ConfirmPage.tsx'), (m) => m.ConfirmPage);
const CompliancePage = page(() => import('./modules/learning/pages/CompliancePage.tsx'), (m) => m.CompliancePage);
const RulesPage = page(() => import('./modules/learning/pages/RulesPage.tsx'), (m) => m.RulesPage);
const ApiKeysPage = page(() => import('./modules/learning/pages/ApiKeysPage.tsx'), (m) => m.ApiKeysPage);
const ReportsPage = page(() => import('./modules/learning/pages/ReportsPage.tsx'), (m) => m.ReportsPage);
const CataloguePage = page(() => import('./modules/courses/pages/CataloguePage.tsx'), (m) => m.CataloguePage);
const PublicCataloguePage = page(() => import('./modules/courses/pages/CataloguePage.tsx'), (m) => m.PublicCataloguePage);
const CoursePage = page(() => import('./modules/courses/pages/CoursePage.tsx'), (m) => m.CoursePage);
const PlayerPage = page(() => import('./modules/courses/pages/PlayerPage.tsx'), (m) => m.PlayerPage);
const CourseManagePage = page(() => import('./modules/courses/pages/ManagePage.tsx'), (m) => m.ManagePage);
const CourseReviewPage = page(() => import('./modules/courses/pages/ReviewPage.tsx'), (m) => m.ReviewPage);
const PublicSubjectsPage = page(() => import('./modules/courses/pages/PublicSubjectsPage.tsx'), (m) => m.PublicSubjectsPage);
const PlansPage = page(() => import('./modules/plans/pages/PlansPage.tsx'), (m) => m.PlansPage);
const PlanDetailPage = page(() => import('./modules/plans/pages/PlanDetailPage.tsx'), (m) => m.PlanDetailPage);
const PlanSummariesPage = page(() => import('./modules/plans/pages/SummariesPage.tsx'), (m) => m.SummariesPage);
const PlanDashboardPage = page(() => import('./modules/plans/pages/DashboardPage.tsx'), (m) => m.DashboardPage);
const SeminarsPage = page(() => import('./modules/seminars/pages/SeminarsPage.tsx'), (m) => m.SeminarsPage);
const SeminarFormPage = page(() => import('./modules/seminars/pages/ApplicationFormPage.tsx'), (m) => m.ApplicationFormPage);
const SeminarDetailPage = page(() => import('./modules/seminars/pages/SeminarDetailPage.tsx'), (m) => m.SeminarDetailPage);
const SeminarManagePage = page(() => import('./modules/seminars/pages/ManagePage.tsx'), (m) => m.ManagePage);
const SeminarReviewsPage = page(() => import('./modules/seminars/pages/ReviewsPage.tsx'), (m) => m.ReviewsPage);
const SeminarOversightPage = page(() => import('./modules/seminars/pages/OversightPage.tsx'), (m) => m.OversightPage);
const PublicSeminarsPage = page(() => import('./modules/seminars/pages/PublicSeminarsPage.tsx'), (m) => m.PublicSeminarsPage);
const OpenSeminarsPage = page(() => import('./modules/seminars/enrolment/pages/OpenSeminarsPage.tsx'), (m) => m.OpenSeminarsPage);
const MySeminarsPage = page(() => import('./modules/seminars/enrolment/pages/MySeminarsPage.tsx'), (m) => m.MySeminarsPage);
const HostedSeminarsPage = page(() => import('./modules/seminars/enrolment/pages/HostedSeminarsPage.tsx'), (m) => m.HostedSeminarsPage);
const EnrolmentRulesPage = page(() => import('./modules/seminars/enrolment/pages/EnrolmentRulesPage.tsx'), (m) => m.EnrolmentRulesPage);
const HostSeminarPage = page(() => import('./modules/seminars/enrolment/pages/HostSeminarPage.tsx'), (m) => m.HostSeminarPage);

function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/catalogue" element={<PublicCataloguePage />} />
        <Route path="/public/seminars" element={<PublicSeminarsPage />} />
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="regions" element={<RegionsPage />} />
          <Route path="departments" element={<DepartmentsPage />} />
          <Route path="organisations" element={<OrganisationsPage />} />
          <Route path="organisations/:id" element={<OrganisationDetailPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="people/:id" element={<PersonDetailPage />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="learning/archive" element={<ArchivePage />} />
          <Route path="learning/review" element={<ReviewPage />} />
          <Route path="learning/confirm" element={<ConfirmPage />} />
          <Route path="learning/compliance" element={<CompliancePage />} />
          <Route path="learning/rules" element={<RulesPage />} />
          <Route path="learning/api-keys" element={<ApiKeysPage />} />
          <Route path="learning/reports" element={<ReportsPage />} />
          <Route path="courses" element={<CataloguePage />} />
          <Route path="courses/manage" element={<CourseManagePage />} />
          <Route path="courses/review" element={<CourseReviewPage />} />
          <Route path="courses/public-subjects" element={<PublicSubjectsPage />} />
          <Route path="courses/:id" element={<CoursePage />} />
          <Route path="courses/:id/learn" element={<PlayerPage />} />
          <Route path="plans" element={<PlansPage />} />
          <Route path="plans/dashboard" element={<PlanDashboardPage />} />
          <Route path="plans/summaries" element={<PlanSummariesPage />} />
          <Route path="plans/:id" element={<PlanDetailPage />} />
          <Route path="seminars" element={<SeminarsPage />} />
          <Route path="seminars/new" element={<SeminarFormPage />} />
          <Route path="seminars/manage" element={<SeminarManagePage />} />
          <Route path="seminars/enrolment-rules" element={<EnrolmentRulesPage />} />
          <Route path="seminars/reviews" element={<SeminarReviewsPage />} />
          <Route path="seminars/oversight" element={<SeminarOversightPage />} />
          <Route path="seminars/:id" element={<SeminarDetailPage />} />
          <Route path="seminars/:id/edit" element={<SeminarFormPage />} />
          <Route path="seminar-enrolment/open" element={<OpenSeminarsPage />} />
          <Route path="seminar-enrolment/mine" element={<MySeminarsPage />} />
          <Route path="seminar-enrolment/hosted" element={<HostedSeminarsPage />} />
          <Route path="seminar-enrolment/hosted/:id" element={<HostSeminarPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function LocalizedApp({ queryClient }: { queryClient: QueryClient }) {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4 } }}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <I18nProvider>
      <LocalizedApp queryClient={queryClient} />
    </I18nProvider>
  );
}
