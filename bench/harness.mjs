// A small side-by-side harness: every row of a group runs in this one process,
// interleaved round by round so drift hits them alike, and is reported as a
// ratio to the group's baseline (its first row).
import { performance } from "node:perf_hooks";

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * rows: [{ name, fn }], the first is the baseline. Each round calls every fn
 * `inner` times; the per-call time of a row is the median over `rounds`.
 */
export function compare(group, rows, { rounds = 15, inner = 5, warmup = 3 } = {}) {
  for (let w = 0; w < warmup; w++) for (const r of rows) r.fn();
  const times = rows.map(() => []);
  for (let round = 0; round < rounds; round++) {
    rows.forEach((r, i) => {
      const t0 = performance.now();
      for (let k = 0; k < inner; k++) r.fn();
      times[i].push((performance.now() - t0) / inner);
    });
  }
  const base = median(times[0]);
  return rows.map((r, i) => ({ group, name: r.name, ms: median(times[i]), ratio: median(times[i]) / base }));
}

export function printTable(title, rows) {
  console.log(`\n${title}`);
  const w = Math.max(44, ...rows.map((r) => r.name.length));
  console.log(`${"".padEnd(w)} ${"median ms".padStart(10)} ${"ratio".padStart(7)}`);
  for (const r of rows) console.log(`${r.name.padEnd(w)} ${r.ms.toFixed(3).padStart(10)} ${(r.ratio === null ? "-" : r.ratio.toFixed(2) + "×").padStart(7)}`);
}
