import type { Grant } from '../../platform/auth/permissions.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { createBootstrapAccount } from '../registry/accounts/index.ts';
import { importPlanTable } from '../plans/import/service.ts';
import { createPlan, setPlanStatus } from '../plans/service.ts';
import { createApplication, prereviewApplication, setCall, setLimits, submitApplication } from './applications/service.ts';
import { addExpert, listMyAssignments, runDraw, scoreAssignment } from './review/service.ts';
import { publishApproved, selectSeminar } from './selection/service.ts';
import { BUDGET_CATEGORIES, DEFAULT_LIMITS_CENTS } from './rules.ts';
import type { PlanField } from '../learning/catalogue.ts';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The demo year and the first class's dates: two weeks from now (China time), five days, within
 * one year (moved to early January when the five days would cross the new year).
 */
export function demoDates(now: Date): { year: number; start: Date } {
  let start = new Date(Date.parse(`${iso(new Date(now.getTime() + 8 * 3600_000 + 14 * DAY))}T00:00:00Z`));
  if (new Date(start.getTime() + 4 * DAY).getUTCFullYear() !== start.getUTCFullYear()) start = new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 5));
  return { year: start.getUTCFullYear(), start };
}

const as = (ctx: Ctx, accountId: string, username: string, grants: Grant[]): Ctx => {
  const actor: Actor = { accountId, username, displayName: username, kind: 'staff', personId: null, grants };
  return { ...ctx, actor };
};

type DemoApp = { key: string; province: '330000' | '440000'; title: string; field: PlanField; funding: 'central' | 'self'; trainees: number; offsetDays: number; topics: string[]; place: string };
const APPS: DemoApp[] = [
  { key: 'A', province: '330000', title: '人工智能安全与治理前沿技术高级研修班', field: 'next_gen_it', funding: 'central', trainees: 50, offsetDays: 0, topics: ['大模型安全', '数据治理', '算法备案'], place: '浙江省杭州市' },
  { key: 'B', province: '440000', title: '工业互联网与数字孪生高级研修班', field: 'digital_tech', funding: 'central', trainees: 60, offsetDays: 21, topics: ['工业互联网平台', '数字孪生工厂'], place: '广东省广州市' },
  { key: 'C', province: '330000', title: '集成电路设计自动化高级研修班', field: 'next_gen_it', funding: 'self', trainees: 40, offsetDays: 35, topics: ['EDA', '芯片验证'], place: '浙江省宁波市' },
  { key: 'D', province: '440000', title: '合成生物学产业化高级研修班', field: 'biotech', funding: 'central', trainees: 45, offsetDays: 42, topics: ['合成生物', '生物制造'], place: '广东省深圳市' },
  { key: 'E', province: '330000', title: '数据要素市场化配置高级研修班', field: 'digital_tech', funding: 'self', trainees: 50, offsetDays: 56, topics: ['数据资产入表', '数据交易'], place: '浙江省杭州市' },
  { key: 'F', province: '440000', title: '低空经济与无人机应用高级研修班', field: 'high_end_equipment', funding: 'central', trainees: 50, offsetDays: 63, topics: ['低空空域', '无人机适航'], place: '广东省珠海市' },
];

function budget(trainees: number, days: number) {
  // About 80 % of the limits for accommodation, meals and teaching; a little for materials.
  return [
    { category: 'accommodation' as const, amountCents: Math.floor(DEFAULT_LIMITS_CENTS.accommodation * 0.8) * trainees * days, note: '' },
    { category: 'meals' as const, amountCents: Math.floor(DEFAULT_LIMITS_CENTS.meals * 0.8) * trainees * days, note: '' },
    { category: 'teaching' as const, amountCents: Math.floor(DEFAULT_LIMITS_CENTS.teaching * 0.8) * trainees * days, note: '' },
    { category: 'materials' as const, amountCents: 1_000 * trainees * days, note: '讲义' },
  ];
}

/**
 * Demo seminars (first start, after the registry, learning and plans demos): the year's call
 * and limits, an advanced-seminar plan, four experts, six applications in different states, and
 * two approved and published seminars open for enrolment. Returns the accounts it created.
 */
export async function loadDemoSeminars(ctx: Ctx, options: { password: string }): Promise<string[] | null> {
  if ((await ctx.db.query('SELECT 1 FROM seminars LIMIT 1')).length) return null;
  const { year, start } = demoDates(ctx.now);
  await setCall(ctx, year, { deadline: `${year}-12-31T15:59:59.999Z`, maxSeminars: 300, maxCentralCents: 12_000_000_000 });
  await setLimits(ctx, year, { limits: BUDGET_CATEGORIES.map((category) => ({ category, perPersonDayCents: DEFAULT_LIMITS_CENTS[category] })) });
  if (!(await ctx.db.query(`SELECT 1 FROM plans WHERE year = $1 AND programme = 'advanced_seminar'`, [year])).length) {
    const plan = await createPlan(ctx, { year, programme: 'advanced_seminar', title: `${year}年高级研修项目计划（演示）` });
    const content = '领域\t新一代信息技术\t数字技术\t生物技术\t高端装备\n工业和信息化部\t3000\t2500\t0\t1500\n中国科学院\t0\t0\t1200\t0\n';
    await importPlanTable(ctx, plan.id, { format: 'text', content, unit: 'person', acceptMismatches: true }, false);
    await setPlanStatus(ctx, plan.id, { status: 'published', version: plan.version + 1 });
  }

  // Hosts: the first seminar host of each demo province, with an administrator account.
  const accounts: string[] = [];
  const hosts = new Map<string, { id: string; ctx: Ctx }>();
  for (const province of ['330000', '440000'] as const) {
    const org = (await ctx.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM organisations WHERE province_code = $1 AND 'seminar_host' = ANY(roles) AND status = 'active' ORDER BY name LIMIT 1`, [province],
    ))[0];
    if (!org) return null;
    const username = province === '330000' ? 'host.zj' : 'host.gd';
    const grants: Grant[] = [{ role: 'organisation_admin', scopeType: 'organisation', scopeId: org.id }];
    const acc = await ctx.db.transaction((tx) => createBootstrapAccount(tx, ctx, { username, displayName: `${org.name}管理员`, password: options.password, grants }));
    accounts.push(username);
    hosts.set(province, { id: org.id, ctx: as(ctx, acc.id, username, grants) });
  }
  // MIIT's demo account pre-reviews its applications; the ministry (system) the others.
  const miitId = (await ctx.db.query<{ id: string }>(`SELECT id FROM accounts WHERE username = 'dept.miit'`))[0]?.id;
  const dept = miitId ? as(ctx, miitId, 'dept.miit', [{ role: 'department_admin', scopeType: 'department', scopeId: 'miit' }]) : ctx;

  // Experts: expert.demo and three more.
  const experts: Ctx[] = [];
  const expertDefs = [
    { username: 'expert.demo', name: '评审专家（示例）', fields: ['next_gen_it', 'digital_tech'] },
    { username: 'expert.wang', name: '王立群', fields: ['next_gen_it', 'digital_tech', 'high_end_equipment'] },
    { username: 'expert.li', name: '李明华', fields: ['biotech', 'next_gen_it'] },
    { username: 'expert.zhao', name: '赵文静', fields: ['digital_tech', 'biotech', 'high_end_equipment'] },
  ];
  for (const e of expertDefs) {
    const grants: Grant[] = [{ role: 'expert', scopeType: 'nation', scopeId: '000000' }];
    const acc = await ctx.db.transaction((tx) => createBootstrapAccount(tx, ctx, { username: e.username, displayName: e.name, password: options.password, grants }));
    if (e.username !== 'expert.demo') accounts.push(e.username);
    await addExpert(ctx, { accountId: acc.id, name: e.name, fields: e.fields, organisationId: null, affiliation: '高校及科研院所' });
    experts.push(as(ctx, acc.id, e.username, grants));
  }

  const ids = new Map<string, { id: string; version: number }>();
  for (const a of APPS) {
    const host = hosts.get(a.province) as { id: string; ctx: Ctx };
    const from = new Date(start.getTime() + a.offsetDays * DAY);
    const s = from.getUTCFullYear() === year && new Date(from.getTime() + 4 * DAY).getUTCFullYear() === year ? from : new Date(Date.UTC(year, 11, 20));
    const created = await createApplication(host.ctx, {
      hostId: host.id, year, title: `${year}年${a.title}`, field: a.field, departmentCode: a.field === 'biotech' ? 'cas' : 'miit', topics: a.topics,
      startDate: iso(s), endDate: iso(new Date(s.getTime() + 4 * DAY)), days: 5, place: a.place, plannedTrainees: a.trainees, hoursTenths: 400,
      teachers: [{ name: '陈院士', title: '院士', affiliation: '中国工程院' }, { name: '周教授', title: '教授', affiliation: '清华大学' }],
      funding: a.funding, budgetLines: budget(a.trainees, 5),
    });
    ids.set(a.key, { id: created.id, version: created.version });
  }
  const step = async (key: string, fn: (id: string, version: number) => Promise<{ version: number }>) => {
    const cur = ids.get(key) as { id: string; version: number };
    const next = await fn(cur.id, cur.version);
    ids.set(key, { id: cur.id, version: next.version });
  };
  const hostCtx = (key: string) => (hosts.get((APPS.find((a) => a.key === key) as DemoApp).province) as { ctx: Ctx }).ctx;
  // A, B, C, D: submitted, pre-approved, reviewed; A, B, D approved and published, C not selected.
  for (const key of ['A', 'B', 'C', 'D', 'E']) await step(key, (id, version) => submitApplication(hostCtx(key), id, { version }));
  for (const key of ['A', 'B', 'C', 'D']) await step(key, (id, version) => prereviewApplication(key === 'D' ? ctx : dept, id, { version, decision: 'pre_approved' }));
  await runDraw(ctx, { year, reviewersPerApplication: 3, seed: `demo-${year}` });
  const marks: Record<string, number> = { A: 88, B: 84, C: 72, D: 80 };
  for (const e of experts) {
    for (const item of (await listMyAssignments(e)).items) {
      const key = [...ids].find(([, v]) => v.id === item.seminarId)?.[0] as string;
      const m = marks[key] ?? 75;
      await scoreAssignment(e, item.seminarId, { scores: { necessity: m + 2, content: m, faculty: m + 1, organisation: m - 2, budget: m - 1 }, comment: '选题契合产业急需，建议支持。' });
    }
  }
  const refreshed = async (key: string) => {
    const row = (await ctx.db.query<{ version: number }>('SELECT version FROM seminars WHERE id = $1', [(ids.get(key) as { id: string }).id]))[0] as { version: number };
    (ids.get(key) as { version: number }).version = row.version;
  };
  for (const key of ['A', 'B', 'C', 'D']) await refreshed(key);
  await step('A', (id, version) => selectSeminar(ctx, id, { version, decision: 'approved', centralApprovedCents: 8_000_000 }));
  await step('B', (id, version) => selectSeminar(ctx, id, { version, decision: 'approved', centralApprovedCents: 9_000_000 }));
  await step('D', (id, version) => selectSeminar(ctx, id, { version, decision: 'approved', centralApprovedCents: 6_000_000 }));
  await step('C', (id, version) => selectSeminar(ctx, id, { version, decision: 'not_selected' }));
  await publishApproved(ctx, { year });
  // E stays submitted (awaiting the department's pre-review), F a draft.
  return accounts;
}
