import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../../scripts/lib/scan-core';

const ROOT = resolve(import.meta.dirname, '../../..');
const HTML = 'tests/fixtures/scan/article.html';
const TXT = 'tests/fixtures/scan/article.txt';

interface ScanEntry {
  file: string;
  mentions: { text: string; start: number; end: number; trigger: string; findings: string[] }[];
}

function scan(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case spawns the real CLI (tsx start-up is seconds on a busy 2-core machine).
describe('npm run scan', { timeout: 60_000 }, () => {
  const result = scan('--json', HTML, TXT);
  const entries = JSON.parse(result.stdout) as ScanEntry[];
  const [html, txt] = entries;

  it('prints exactly one JSON array with one entry per file, paths as given', () => {
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(entries.map((e) => e.file)).toEqual([HTML, TXT]);
  });

  it('reports mentions with exactly the contract keys', () => {
    for (const mention of [...html!.mentions, ...txt!.mentions]) {
      expect(Object.keys(mention).sort()).toEqual(['end', 'findings', 'start', 'text', 'trigger']);
      expect(mention.end).toBeGreaterThan(mention.start);
      expect(mention.findings.length).toBeGreaterThan(0);
    }
  });

  it('gives text-file offsets into the file itself', () => {
    const text = readFileSync(resolve(ROOT, TXT), 'utf8');
    expect(txt!.mentions.length).toBeGreaterThanOrEqual(3);
    for (const m of txt!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    // A mark joined from two findings' phrases in one clause lists both (join.ts): the first two count.
    const findings = new Set(txt!.mentions.flatMap((m) => m.findings.slice(0, 2)));
    for (const id of ['joint-exercises', 'unlimited-partnership', 'axis-of-convenience'])
      expect(findings).toContain(id);
  });

  it('finds the article’s phrases across inline tags in HTML', () => {
    const texts = html!.mentions.map((m) => m.text.toLowerCase());
    expect(texts.some((t) => t.includes('no-limits') && t.includes('partnership'))).toBe(true);
    expect(html!.mentions.some((m) => m.findings[0] === 'unlimited-partnership')).toBe(true);
  });

  it('reads nothing from scripts, nav, hidden elements, form fields or code', () => {
    // The page text the offsets refer to holds none of it (scan-core is what the CLI runs).
    const { text } = scanHtml(readFileSync(resolve(ROOT, HTML), 'utf8'));
    // CSS-hidden text ("Hidden teaser", hidden by a <style> rule) is read, but its mentions are dropped below,
    // as the content script drops them (src/dom/extract-visibility.ts).
    for (const skipped of ['var headline', 'explained', 'Comment:', 'World Desk']) {
      expect(text).not.toContain(skipped);
    }
    expect(text).toContain('Code sample: ');
    expect(text).not.toContain('Code sample: no-limits');
    for (const m of html!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(html!.mentions.map((m) => m.text.toLowerCase())).not.toContain('axis of convenience');
  });

  it('reports each unreadable file on stderr, prints the others, and exits with how many failed', () => {
    const one = scan('--json', 'tests/fixtures/scan/no-such-file.html', TXT);
    expect(one.status).toBe(1);
    const two = scan('--json', 'tests/fixtures/scan/no-such-file.html', 'tests/fixtures/scan', TXT);
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/cannot read tests\/fixtures\/scan: a directory/);
    expect(two.stderr).toContain('2 of 3 files could not be read');
    const run = one;
    expect(run.stderr).toMatch(/cannot read tests\/fixtures\/scan\/no-such-file\.html: no such file/);
    expect((JSON.parse(run.stdout) as ScanEntry[]).map((e) => e.file)).toEqual([TXT]);
  });

  it('prints a readable report without --json', () => {
    const run = scan(TXT);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/article\.txt: \d+ mentions/);
    expect(run.stdout).toContain('findings:');
  });

  it('explains its usage when given no file', () => {
    const run = scan('--json');
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('usage:');
  });
});
