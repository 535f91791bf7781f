import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * CPU time used by processes (user + system, from /proc). Unlike latency it hardly depends on what else the
 * machine is doing, so it tells where the work goes even when other jobs share the cores.
 */
let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU milliseconds a process has used so far, or undefined when it is gone (or this is not Linux). */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}

/** Measures the CPU a set of processes uses between start() and stop(). */
export class CpuMeter {
  private readonly start = new Map<number, number>();

  constructor(pids: number[]) {
    for (const pid of pids) {
      const ms = cpuMs(pid);
      if (ms !== undefined) this.start.set(pid, ms);
    }
  }

  /**
   * Counts processes that started after construction (e.g. a connection the pool opened during the load) from
   * their start: all their CPU falls in the window.
   */
  include(pids: number[]): this {
    for (const pid of pids) if (!this.start.has(pid)) this.start.set(pid, 0);
    return this;
  }

  /** Milliseconds used since construction by those processes still running. */
  elapsed(): number {
    let total = 0;
    for (const [pid, from] of this.start) total += Math.max(0, (cpuMs(pid) ?? from) - from);
    return total;
  }
}

/** The server processes serving the connections whose application_name is `app`, in the current database. */
export async function backendPids(client: Client, app: string): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
    [app],
  );
  return rows.map((r) => r.pid);
}
