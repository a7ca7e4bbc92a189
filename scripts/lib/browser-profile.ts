import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Profiles not removed yet: deleted on exit too, so that a test run that fails or is stopped leaves none behind. */
const live = new Set<string>();
process.once('exit', () => {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary browser profile directory; `remove` deletes it (retrying while the browser lets go of files). */
export async function tempProfile(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `fact-context-${prefix}-`));
  live.add(dir);
  return {
    dir,
    remove: async () => {
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      live.delete(dir);
    },
  };
}

/** Kill a browser's whole process group by its PID if it outlived `close()` (never by name). */
export function killProcessTree(pid: number | undefined): void {
  if (!pid) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
