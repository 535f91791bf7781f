import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PROFILE_DIR = join(__dirname, 'data', 'profiles');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function clearProfiles(): void {
  rmSync(PROFILE_DIR, { recursive: true, force: true });
}

/** Self time per function and per package of the newest .cpuprofile, as lines for the console. */
export function summarizeProfile(top = 25): string[] {
  const files = readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return ['(no profile written)'];
  const file = join(PROFILE_DIR, files.sort().at(-1) ?? '');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? relative(process.cwd(), url.replace(/^file:\/\//, '')) : '';
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      (url.startsWith('node:') ? 'node internals' : where ? 'service code' : functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    total += us;
  });
  const pct = (us: number): string => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const rank = (m: Map<string, number>, n: number): string[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${pct(us)}  ${k}`);
  return [
    `${relative(process.cwd(), file)}: ${(total / 1e6).toFixed(1)} s sampled`,
    'by package (self time):',
    ...rank(byPackage, 15),
    'by function (self time):',
    ...rank(self, top),
  ];
}
