/**
 * The engine as `npm run scan` and `npm run eval` use it: HTML parsed by happy-dom, text extracted by the same
 * module and rules as the content script (src/page/extract.ts), matched by the same engine.
 */
import { Window } from 'happy-dom';
import { PACK } from '../../src/pack/index';
import { createEngine } from '../../src/matching/engine';
import { joinSegments } from '../../src/matching/join';
import type { Mention, TextSegment } from '../../src/matching/types';
import { computedStyleHidden, extractSegments } from '../../src/page/extract';

export interface ScanOutput {
  /** The text that mention offsets refer to. */
  text: string;
  mentions: Mention[];
}

let engine: ReturnType<typeof createEngine> | undefined;
function getEngine() {
  engine ??= createEngine(PACK);
  return engine;
}

function scanSegments(segments: TextSegment[]): ScanOutput {
  return { text: joinSegments(segments).text, mentions: getEngine().scan(segments) };
}

/** Scans an HTML page. Scripts never run and nothing is fetched. */
export function scanHtml(html: string): ScanOutput {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    // Written into the window's own document (not a detached DOMParser one) so that computed styles apply.
    const document = window.document;
    document.write(html);
    const root = ((document.body as typeof document.body | null) ?? document.documentElement) as unknown as Node;
    const segments = extractSegments(root, { isHidden: computedStyleHidden(window) });
    return scanSegments(segments.map(({ text, block }) => ({ text, block })));
  } finally {
    void window.happyDOM.close();
  }
}

/** Scans plain text: every line is its own block, so offsets are offsets into the file's text. */
export function scanText(text: string): ScanOutput {
  return scanSegments(text.split('\n').map((line, block) => ({ text: line, block })));
}
