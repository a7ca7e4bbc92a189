/**
 * `npm run --silent scan -- [--json] FILE...` — what Fact Context would mark in HTML or text files.
 * With --json: exactly one JSON array on stdout. A file that cannot be read or parsed gets one error line on stderr
 * and the others are still printed; the exit status is the number of such files (at most MAX_FAILED_STATUS), or
 * USAGE_STATUS for a wrong command line.
 */
import { readFileSync } from 'node:fs';
import { findingById } from '../src/pack/index';
import { scanHtml, scanText, type ScanOutput } from './lib/scan-core';

interface FileResult {
  file: string;
  mentions: { text: string; start: number; end: number; trigger: string; findings: string[] }[];
}

/** Exit statuses: 0 all read, 1..63 that many files failed (63: 63 or more), 64 usage (sysexits' EX_USAGE). */
const MAX_FAILED_STATUS = 63;
const USAGE_STATUS = 64;

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
    return USAGE_STATUS;
  }
  const results: FileResult[] = [];
  let failed = 0;
  for (const file of files) {
    let output: ScanOutput;
    try {
      output = scanFile(file);
    } catch (error) {
      console.error(`scan: cannot read ${file}: ${reasonOf(error)}`);
      failed += 1;
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
  if (failed > 0)
    console.error(`scan: ${failed} of ${files.length} file${files.length === 1 ? '' : 's'} could not be read`);
  return Math.min(failed, MAX_FAILED_STATUS);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a directory, not a file';
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split('\n')[0] ?? message;
}

process.exitCode = main(process.argv.slice(2));
