import { createDataTableStore } from '../../../nodes/shared/store/data-table-store';
import { FakeN8nDataTables, mulberry32 } from './fake-n8n-data-tables';
it('debug', async () => {
  for (let seed = 1; seed < 15; seed++) {
  const n8n = new FakeN8nDataTables({ seed });
  (globalThis as any).dbg = [];
  const store = createDataTableStore({ send: n8n.send, baseUrl: n8n.baseUrl, now: () => 1e6, sleep: (ms) => new Promise(r => setTimeout(r, Math.min(ms, 20))), random: mulberry32(seed+1), maxClaimRounds: 100 });
  const started = Date.now();
  const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => store.insertIfAbsent('tokens', 'one', i, null)));
  const errs = results.filter(r => r.status === 'rejected').length;
  console.log(seed, Date.now() - started, n8n.log.length, errs);
  const d: string[] = (globalThis as any).dbg;
  if (errs) { const bad = d.filter(l => / r11 /.test(l)).map(l => l.split(' ')[1]); console.log(d.filter(l => bad.includes(l.split(' ')[1]) || / rows=1c/.test(l)).map(l => l.slice(0, 200)).join('\n')); break; }
  }
}, 60000);
