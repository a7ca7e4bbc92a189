/**
 * `npm run --silent scan -- [--json] FILE...` — what Fact Context would mark in HTML or text files.
 * With --json: exactly one JSON array on stdout. Unreadable files: an error on stderr, exit 1, after the others.
 */
import { readFileSync } from 'node:fs';
import { findingById } from '../src/pack/index';
import { scanHtml, scanText, type ScanOutput } from './lib/scan-core';

interface FileResult {
  file: string;
  mentions: { text: string; start: number; end: number; trigger: string; findings: string[] }[];
}

const USAGE = 'usage: npm run --silent scan -- [--json] FILE...   (FILE: .html, .htm or text)';

function scanFile(file: string): ScanOutput {
  const content = readFileSync(file, 'utf8');
  return /\.x?html?$/i.test(file) ? scanHtml(content) : scanText(content);
}

function contextOf(text: string, start: number, end: number): string {
  const before =
    text
      .slice(Math.max(0, start - 40), start)
      .split('\n')
      .pop() ?? '';
  const after = text.slice(end, end + 40).split('\n')[0] ?? '';
  return `…${before}[${text.slice(start, end)}]${after}…`.replace(/\s+/g, ' ');
}

function printReadable(file: string, output: ScanOutput): void {
  console.log(`${file}: ${output.mentions.length} mention${output.mentions.length === 1 ? '' : 's'}`);
  for (const m of output.mentions) {
    const titles = m.findings.map((id) => `${id} (${findingById(id)?.title ?? '?'})`).join(', ');
    console.log(`  ${m.start}-${m.end}  "${m.text}"  trigger: ${m.trigger}`);
    console.log(`      ${contextOf(output.text, m.start, m.end)}`);
    console.log(`      findings: ${titles}`);
  }
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length === 0) {
    console.error(unknown.length > 0 ? `scan: unknown option ${unknown.join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const results: FileResult[] = [];
  let failed = false;
  for (const file of files) {
    let output: ScanOutput;
    try {
      output = scanFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      console.error(`scan: cannot read ${file}: ${reason}`);
      failed = true;
      continue;
    }
    if (json) {
      results.push({
        file,
        mentions: output.mentions.map(({ text, start, end, trigger, findings }) => ({
          text,
          start,
          end,
          trigger,
          findings,
        })),
      });
    } else {
      printReadable(file, output);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
