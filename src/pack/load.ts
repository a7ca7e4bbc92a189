import { parse as parseYaml, YAMLParseError } from 'yaml';
import * as v from 'valibot';
import { PackSchema, type Pack } from './schema';

/** A pack that failed to load; `message` names the field (e.g. `findings[2].quotes[0].text`). */
export class PackError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid assessment pack:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackError';
  }
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    path += typeof item.key === 'number' ? `[${item.key}]` : `${path ? '.' : ''}${String(item.key)}`;
  }
  return path || '(pack)';
}

/**
 * Parses and validates a pack against the schema and the repo rules that need the source text:
 * unique ids, verbatim quotes, `also` ids that resolve. Throws PackError listing every problem.
 */
export function loadPack(yamlText: string, sourceText: string): Pack {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new PackError([`not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`]);
  }
  const result = v.safeParse(PackSchema, raw);
  if (!result.success) {
    throw new PackError(result.issues.map((issue) => `${issuePath(issue)}: ${issue.message}`));
  }
  const pack = result.output;
  const problems = checkPackRules(pack, sourceText);
  if (problems.length > 0) throw new PackError(problems);
  return pack;
}

/** Rules beyond the schema's shape. Returns problems, each naming its field. */
function checkPackRules(pack: Pack, sourceText: string): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  pack.findings.forEach((finding, i) => {
    if (ids.has(finding.id)) problems.push(`findings[${i}].id: duplicate id "${finding.id}"`);
    ids.add(finding.id);
  });
  pack.findings.forEach((finding, i) => {
    finding.quotes.forEach((quote, q) => {
      if (!sourceText.includes(quote.text)) {
        problems.push(`findings[${i}].quotes[${q}].text: not found verbatim in ${pack.report.source_file}`);
      }
    });
    finding.triggers.forEach((trigger, t) => {
      trigger.also.forEach((id, a) => {
        if (!ids.has(id)) problems.push(`findings[${i}].triggers[${t}].also[${a}]: no finding with id "${id}"`);
      });
    });
  });
  return problems;
}
