// Child process: the heartbeat baseline, a bare Fastify instance whose one POST route parses the
// JSON body (Fastify's own parser, no schema) and answers a constant shaped like a heartbeat reply.
import Fastify from 'fastify';
import { announce, listenInRange, onStop } from './serve.ts';

const REPLY = { creditedSeconds: 1, dailyCapReached: false, progress: { percent: 1, completedChapters: 0, chapterCount: 1, completedAt: null } };
const app = Fastify({ logger: false });
app.post('/api/heartbeat', async (req) => ({ ...REPLY, echo: (req.body as { position?: number }).position ?? 0 }));
await app.ready();
const port = await listenInRange(app);
onStop(() => app.close());
announce({ port });
