import { count } from '@/lib/format';

const PARTS = [
  { key: 'passed', label: 'passed', tone: 'text-emerald-700' },
  { key: 'failed', label: 'failed', tone: 'text-red-700' },
  { key: 'skipped', label: 'skipped', tone: 'text-muted' },
  { key: 'flaky', label: 'flaky', tone: 'text-amber-700' },
] as const;

/** "198 passed · 1 failed · 2 flaky": words with the colour, zero counts left out. */
export function TestCounts({
  run,
}: {
  run: { passed: number; failed: number; skipped: number; flaky: number };
}) {
  const parts = PARTS.filter((part) => run[part.key] > 0 || part.key === 'passed');
  return (
    <span className="inline-flex flex-wrap gap-x-2 text-xs tabular">
      {parts.map((part) => (
        <span key={part.key} className={run[part.key] > 0 ? part.tone : 'text-faint'}>
          {count(run[part.key])} {part.label}
        </span>
      ))}
    </span>
  );
}
