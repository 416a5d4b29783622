import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process CPU in clock ticks; 100 a second on every common kernel config. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by every process in a process group: `next start`
 * runs the server in a child process, so the group is what serves the pages. Reads /proc.
 */
export function processGroupCpuMs(groupId: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended while the list was read
    }
    // Fields after the command (which may hold spaces) start at ") ": state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const processGroup = Number(fields[2]);
    if (processGroup !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
