import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { Client } from 'pg';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews the numbers. */
  loadAverageAtStart: number[];
}

export interface PostgresInfo {
  version: string;
  settings: Record<string, string>;
}

export interface CodeInfo {
  commit: string;
  /** Tracked files changed since that commit when the run started. */
  changedFiles: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGb: round2(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map(round2),
  };
}

const SETTINGS = [
  'shared_buffers',
  'work_mem',
  'effective_cache_size',
  'jit',
  'max_parallel_workers_per_gather',
];

export async function postgresInfo(client: Client): Promise<PostgresInfo> {
  const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  const settings: Record<string, string> = {};
  for (const name of SETTINGS) {
    const { rows: s } = await client.query<{ setting: string }>(`SELECT current_setting($1) AS setting`, [
      name,
    ]);
    settings[name] = s[0].setting;
  }
  return { version: rows[0].v, settings };
}

export function codeInfo(): CodeInfo {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const changed = git('status', '--porcelain', '--untracked-files=no');
  return {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    changedFiles: changed ? changed.split('\n').length : 0,
  };
}
