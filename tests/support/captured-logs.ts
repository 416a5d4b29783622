import { captureLogs, type LogLevel } from '@/lib/observability/log';

/** The structured log lines written until `restore()`, parsed, instead of on the test's output. */
export function captureLogLines(): {
  lines: { level: LogLevel; entry: Record<string, unknown> }[];
  errors: () => Record<string, unknown>[];
  restore: () => void;
} {
  const lines: { level: LogLevel; entry: Record<string, unknown> }[] = [];
  const restore = captureLogs((level, line) => lines.push({ level, entry: JSON.parse(line) }));
  const errors = () => lines.filter((line) => line.level === 'error').map((line) => line.entry);
  return { lines, errors, restore };
}
