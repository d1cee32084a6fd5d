// Child process: the baseline, a bare Fastify instance (no plugins, no hooks, no logger) whose
// one route answers a constant JSON body shaped and sized like a person record.
// Usage: node --import tsx bench/server-bare.ts [--port-from 3300]
import Fastify from 'fastify';
import { announce, argValue, listenInRange, onStop } from './serve.ts';

const PERSON = {
  id: '01900000-0000-7000-8000-000000000000',
  idNumberMasked: '3301**********1234',
  name: '张伟',
  gender: 'M',
  birthDate: '1985-06-01',
  regionCode: '330100',
  regionName: '杭州市',
  provinceCode: '330000',
  employerId: '01900000-0000-7000-8000-000000000001',
  employerName: '杭州软件科技有限公司',
  titleSeries: '工程技术',
  titleLevel: 'intermediate',
  specialty: '软件工程',
  phoneMasked: '138****5678',
  status: 'active',
  createdAt: '2024-06-01T00:00:00.000Z',
  updatedAt: '2024-06-01T00:00:00.000Z',
  abilities: { edit: true, deactivate: true, activate: false, revealIdNumber: true },
};

const app = Fastify({ logger: false });
app.get('/api/people/:id', async () => PERSON);
await app.ready();
const port = await listenInRange(app, Number(argValue('port-from') ?? 3300));
onStop(() => app.close());
announce({ port });
