import { applyBatch, createProjectionSet, type ProjectionRow } from './src/index.ts';
import { generateLog, storedFrom } from './src/testing/index.ts';

const N = Number(process.argv[2] ?? 200000);
const B = Number(process.argv[3] ?? 5000);
const events = storedFrom([...generateLog({ events: N, seed: 3, textBytes: 20 })].flat());
const db = new Map<string, ProjectionRow>();
const set = createProjectionSet();
const c0 = process.cpuUsage();
for (let i = 0; i < events.length; i += B) {
  const ch = await applyBatch(
    set,
    events.slice(i, i + B),
    (name, keys) =>
      new Map(
        keys.flatMap((k) => {
          const r = db.get(name + k);
          return r ? [[k, r]] : [];
        }),
      ),
  );
  for (const [name, rows] of ch) for (const [k, r] of rows) r ? db.set(name + k, r) : db.delete(name + k);
}
const c = process.cpuUsage(c0);
console.log(
  'events',
  events.length,
  'cpu s',
  ((c.user + c.system) / 1e6).toFixed(2),
  'eps per cpu-second',
  (events.length / ((c.user + c.system) / 1e6)).toFixed(0),
);
