/**
 * The engine as `npm run scan` and `npm run eval` use it: HTML parsed as a browser parses it (scan-html.ts: parse5
 * into a linkedom document, nothing loaded, no script run), text extracted by the same module and rules as the
 * content script (src/dom/extract.ts), matched by the same engine, and a mention kept only when its text is shown —
 * the same rule as the content script (src/dom/extract-visibility.ts), answered from the page's own style sheets.
 */
import { PACK } from '../../src/pack/index';
import { packEngineSource } from '../../src/pack/ranking';
import { createEngine } from '../../src/matching/engine';
import { BLOCK_SEPARATOR, joinSegments } from '../../src/matching/join';
import type { BlockRole, Mention, TextSegment } from '../../src/matching/types';
import { extractSegments, type NodeSegment } from '../../src/dom/extract';
import { isMentionShown } from '../../src/dom/extract-visibility';
import { placeMentions } from '../../src/dom/placement';
import { parseHtmlDocument } from './scan-html';
import { pageStyleProbe } from './scan-styles';

export interface ScanOutput {
  /** The text that mention offsets refer to. */
  text: string;
  mentions: Mention[];
  /** HTML only: the blocks of `text` as extraction judged them (their offsets into it and their role). */
  blocks?: ScannedBlock[];
}

export interface ScannedBlock {
  start: number;
  end: number;
  role: BlockRole;
}

let engine: ReturnType<typeof createEngine> | undefined;
function getEngine() {
  engine ??= createEngine(packEngineSource(PACK));
  return engine;
}

function engineSegments(segments: readonly NodeSegment[]): TextSegment[] {
  return segments.map(({ text, block, role }) => ({ text, block, role }));
}

/** Scans an HTML page. Scripts never run and nothing is fetched. Throws when the HTML cannot be read. */
export function scanHtml(html: string): ScanOutput {
  const document = parseHtmlDocument(html);
  // A document without <body> (a frameset page) is read from its root.
  const root = document.querySelector('body') ?? document.documentElement;
  const segments = extractSegments(root);
  const { text } = joinSegments(segments);
  const found = getEngine().scan(engineSegments(segments));
  const blocks = blocksOf(segments);
  if (found.length === 0) return { text, mentions: found, blocks };
  const probe = pageStyleProbe(document);
  const cache = new Map<Element, boolean>();
  const mentions = placeMentions(segments, found)
    .filter((placed) => isMentionShown(placed.nodes, probe, cache))
    .map((placed) => placed.mention);
  return { text, mentions, blocks };
}

/** The blocks of the joined text (joinSegments: one separator character between blocks). */
function blocksOf(segments: readonly NodeSegment[]): ScannedBlock[] {
  const blocks: ScannedBlock[] = [];
  let offset = 0;
  for (let k = 0; k < segments.length;) {
    const { block, role } = segments[k] as NodeSegment;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    const start = offset;
    for (; k < segments.length && (segments[k] as NodeSegment).block === block; k++)
      offset += (segments[k] as NodeSegment).text.length;
    blocks.push({ start, end: offset, role: role ?? 'prose' });
  }
  return blocks;
}

/**
 * Whether the topic gate opens on these blocks of a scanned page's text (`blocks` as scanHtml gives them, any
 * subset): what the engine decides from them alone.
 */
export function topicGateOpens(text: string, blocks: readonly ScannedBlock[]): boolean {
  const session = getEngine().createSession();
  session.update(blocks.map(({ start, end, role }, block) => ({ text: text.slice(start, end), block, role })));
  return session.onTopic;
}

/** Scans plain text: every line is its own block, so offsets are offsets into the file's text. */
export function scanText(text: string): ScanOutput {
  const segments = text.split('\n').map((line, block) => ({ text: line, block }));
  return { text: joinSegments(segments).text, mentions: getEngine().scan(segments) };
}
