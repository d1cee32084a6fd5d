import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { closeSeminar, getSummaryReport, rateSeminar, submitSummaryReport } from '../closing/service.ts';
import { getAttendance, getExecution, markAttendance, recordExpense } from '../running/service.ts';
import {
  admitEnrolee, declineEnrolee, fillSeatsFromWaitingList, getHostSeminar, getYearRules, listEnrolees, listHostedSeminars, setEnrolmentWindow, setYearRules,
} from './admission/service.ts';
import {
  AttendanceBody, AttendanceResponse, CloseResponse, EnroleeList, EnroleeParams, ExecutionResponse, ExpenseBody, FillResponse, HostSeminar, HostSeminarList, MySeminars, NoticeParams, NoticesReadResponse,
  ProfessionalSeminar, ProfessionalSeminarList, RatingBody, RatingResponse, ReportBody, ReportResponse, RulesBody, RulesResponse, SeminarParams, WindowBody, YearParams,
} from './schemas.ts';
import { markAllNoticesRead, markNoticeRead } from './notices/service.ts';
import { enrolInSeminar, getSeminarForProfessional, listMySeminars, listOpenSeminars, withdrawFromSeminar } from './service.ts';

const tags = ['seminars 高级研修 · enrolment 报名与结业'];
const P = '/api/seminar-enrolment';

/** Professionals: open seminars, enrol, withdraw, my seminars with notices, rating. */
export const professionalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { permission: 'seminar.enrol' } as const;
  app.get(`${P}/open`, { config, schema: { tags, response: { 200: ProfessionalSeminarList } } }, async (req) => listOpenSeminars(req.ctx));
  app.get(`${P}/mine`, { config, schema: { tags, response: { 200: MySeminars } } }, async (req) => listMySeminars(req.ctx));
  app.get(`${P}/seminars/:id`, { config, schema: { tags, params: SeminarParams, response: { 200: ProfessionalSeminar } } }, async (req) =>
    getSeminarForProfessional(req.ctx, req.params.id),
  );
  app.post(`${P}/seminars/:id/enrol`, {
    config, schema: { tags, description: 'Enrol: a seat (status enrolled) or a waiting-list place (waiting); 422 with the reason when ineligible.', params: SeminarParams, response: { 200: ProfessionalSeminar } },
  }, async (req) => enrolInSeminar(req.ctx, req.params.id));
  app.post(`${P}/seminars/:id/withdraw`, { config, schema: { tags, params: SeminarParams, response: { 200: ProfessionalSeminar } } }, async (req) =>
    withdrawFromSeminar(req.ctx, req.params.id),
  );
  app.post(`${P}/notices/read`, {
    config, schema: { tags, description: 'Mark all of the caller\'s unread notices read.', response: { 200: NoticesReadResponse } },
  }, async (req) => markAllNoticesRead(req.ctx));
  app.post(`${P}/notices/:id/read`, {
    config, schema: { tags, description: 'Mark one of the caller\'s notices read; another person\'s notice is 404.', params: NoticeParams, response: { 200: NoticesReadResponse } },
  }, async (req) => markNoticeRead(req.ctx, req.params.id));
  app.post(`${P}/seminars/:id/rating`, { config, schema: { tags, params: SeminarParams, body: RatingBody, response: { 201: RatingResponse } } }, async (req, reply) =>
    reply.status(201).send(await rateSeminar(req.ctx, req.params.id, req.body)),
  );
};

/** Hosts: window, enrolees, admission, waiting list, attendance, closing, expenses, summary report. */
export const hostRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { permission: 'seminar.host' } as const;
  const H = `${P}/hosted`;
  app.get(H, { config, schema: { tags, response: { 200: HostSeminarList } } }, async (req) => listHostedSeminars(req.ctx));
  app.get(`${H}/:id`, { config, schema: { tags, params: SeminarParams, response: { 200: HostSeminar } } }, async (req) => getHostSeminar(req.ctx, req.params.id));
  app.put(`${H}/:id/window`, { config, schema: { tags, params: SeminarParams, body: WindowBody, response: { 200: HostSeminar } } }, async (req) =>
    setEnrolmentWindow(req.ctx, req.params.id, req.body),
  );
  app.get(`${H}/:id/enrolees`, { config, schema: { tags, params: SeminarParams, response: { 200: EnroleeList } } }, async (req) => listEnrolees(req.ctx, req.params.id));
  app.post(`${H}/:id/enrolees/:enrolmentId/admit`, { config, schema: { tags, params: EnroleeParams, response: { 200: EnroleeList } } }, async (req) =>
    admitEnrolee(req.ctx, req.params.id, req.params.enrolmentId),
  );
  app.post(`${H}/:id/enrolees/:enrolmentId/decline`, { config, schema: { tags, params: EnroleeParams, response: { 200: EnroleeList } } }, async (req) =>
    declineEnrolee(req.ctx, req.params.id, req.params.enrolmentId),
  );
  app.post(`${H}/:id/fill`, {
    config, schema: { tags, description: 'Move the waiting list into free seats (after the window closes, also the seats held for preferred applicants).', params: SeminarParams, response: { 200: FillResponse } },
  }, async (req) => fillSeatsFromWaitingList(req.ctx, req.params.id));
  app.get(`${H}/:id/attendance`, { config, schema: { tags, params: SeminarParams, response: { 200: AttendanceResponse } } }, async (req) => getAttendance(req.ctx, req.params.id));
  app.put(`${H}/:id/attendance`, { config, schema: { tags, params: SeminarParams, body: AttendanceBody, response: { 200: AttendanceResponse } } }, async (req) =>
    markAttendance(req.ctx, req.params.id, req.body.marks),
  );
  app.post(`${H}/:id/close`, { config, schema: { tags, params: SeminarParams, response: { 200: CloseResponse } } }, async (req) => closeSeminar(req.ctx, req.params.id));
  app.get(`${H}/:id/expenses`, { config, schema: { tags, params: SeminarParams, response: { 200: ExecutionResponse } } }, async (req) => getExecution(req.ctx, req.params.id));
  app.post(`${H}/:id/expenses`, { config, schema: { tags, params: SeminarParams, body: ExpenseBody, response: { 201: ExecutionResponse } } }, async (req, reply) =>
    reply.status(201).send(await recordExpense(req.ctx, req.params.id, req.body)),
  );
  app.get(`${H}/:id/report`, { config, schema: { tags, params: SeminarParams, response: { 200: ReportResponse } } }, async (req) => getSummaryReport(req.ctx, req.params.id));
  app.post(`${H}/:id/report`, { config, schema: { tags, params: SeminarParams, body: ReportBody, response: { 201: ReportResponse } } }, async (req, reply) =>
    reply.status(201).send(await submitSummaryReport(req.ctx, req.params.id, req.body)),
  );
};

/** The ministry: the enrolment rules of a year, as data. */
export const rulesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(`${P}/rules/:year`, { config: { permission: 'seminar.read' }, schema: { tags, params: YearParams, response: { 200: RulesResponse } } }, async (req) =>
    getYearRules(req.ctx, req.params.year),
  );
  app.put(`${P}/rules/:year`, { config: { permission: 'seminar.manage' }, schema: { tags, params: YearParams, body: RulesBody, response: { 200: RulesResponse } } }, async (req) =>
    setYearRules(req.ctx, req.params.year, req.body),
  );
};
