// Process memory from /proc (Linux): resident set now, and its peak since the last reset.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

function statusField(pid, field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? undefined : Number(match[1]) * 1024;
}

/** Resident set size in bytes. */
export const residentBytes = (pid = 'self') => statusField(pid, 'VmRSS');

/** Peak resident set size in bytes since start or the last {@link resetPeak}. */
export const peakResidentBytes = (pid = 'self') => statusField(pid, 'VmHWM');

/** Resets VmHWM to the current resident size (Linux ≥ 4.0), so a peak can be taken per step. */
export function resetPeak(pid = 'self') {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The ids of every process descended from `pid`. */
export function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent id follows the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The command name of a process (`workerd`, `node`). */
export function commandName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
