import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompiledPack } from '../../pack/compile';
import { Marked } from '../popup/Marked';
import { provenanceText } from '../shared/FindingDetails';
import { createPopupSearch, searchFindings } from '../popup/search';
import { findOccurrences, segmentText, type Layer } from './segments';

interface Props {
  pack: CompiledPack;
  text: string;
  initialQuery: string;
  /** The finding named by the address (#<id>); updated on hashchange by the entry point. */
  currentId: string | undefined;
}

/** The whole assessment, each finding's quotes marked and linkable (#<finding-id>), with search. */
export function Report({ pack, text, initialQuery, currentId }: Props) {
  const search = useMemo(() => createPopupSearch(pack), [pack]);
  const [query, setQuery] = useState(initialQuery);
  const current = pack.findings.find((f) => f.id === currentId);

  const quoteLayers: Layer[] = useMemo(
    () =>
      pack.findings.flatMap((f) =>
        f.quotes.map((q) => ({ start: q.start, end: q.end, kind: 'quote' as const, findingId: f.id })),
      ),
    [pack],
  );
  const anchors = useMemo(
    () =>
      new Map(pack.findings.map((f) => [f.id, Math.min(...f.quotes.map((q) => (q.start >= 0 ? q.start : Infinity)))])),
    [pack],
  );
  const hits = useMemo(() => findOccurrences(text, query), [text, query]);
  const segments = useMemo(
    () => segmentText(text.length, [...quoteLayers, ...hits], anchors),
    [text, quoteLayers, hits, anchors],
  );
  const results = useMemo(() => searchFindings(search, query), [search, query]);

  // Bring the finding's first passage into view (after it is rendered), in the middle of the screen: the finding's
  // title and summary are pinned above it (sticky), so both are in view.
  useEffect(() => {
    if (!currentId) return;
    const passage = document.querySelector('mark.current') ?? document.getElementById(currentId);
    passage?.scrollIntoView({ block: 'center' });
  }, [currentId]);

  return (
    <main class={`page report${current ? ' has-current' : ''}`}>
      <header>
        <h1>{pack.report.title}</h1>
        <p class="provenance" data-testid="provenance">
          {provenanceText(pack.report)}
          {pack.report.released_on ? ` Released on ${pack.report.released_on}.` : ''}
        </p>
      </header>

      <div role="search" class="report-search">
        <label for="report-search">Search the assessment</label>
        <input
          id="report-search"
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          placeholder="A word or phrase…"
        />
        {query.trim() !== '' && (
          <p class="muted" role="status" data-testid="search-summary">
            {hits.length === 0
              ? 'Not found word for word in the text'
              : `${hits.length} place${hits.length === 1 ? '' : 's'} in the text`}
            {`; ${results.length} finding${results.length === 1 ? '' : 's'} match.`}
          </p>
        )}
        {results.length > 0 && (
          <ul class="report-results">
            {results.map((r) => (
              <li key={r.id} data-finding-id={r.id}>
                <a href={`#${r.id}`}>
                  <Marked value={r.title} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>

      {current && (
        <aside class="current-finding" data-finding-id={current.id} aria-labelledby="current-title">
          <h2 id="current-title">{current.title}</h2>
          <p>{current.summary}</p>
          <p class="muted">
            {current.quotes.length === 1 ? 'Its passage is' : 'Its passages are'} highlighted in the text below.
          </p>
        </aside>
      )}

      <article class="assessment" aria-label="The assessment text">
        {segments.map((segment) => {
          const content = text.slice(segment.start, segment.end);
          const anchorEls = segment.anchors.map((id) => <span key={id} id={id} class="anchor" />);
          if (segment.findingIds.length === 0 && !segment.hit) {
            return anchorEls.length ? [...anchorEls, content] : content;
          }
          const emphasised = currentId !== undefined && segment.findingIds.includes(currentId);
          const classes = [
            segment.findingIds.length ? 'quote' : '',
            segment.hit ? 'hit' : '',
            emphasised ? 'current' : '',
          ].filter(Boolean);
          return [
            ...anchorEls,
            <mark
              key={segment.start}
              class={classes.join(' ')}
              data-finding-ids={segment.findingIds.join(' ') || undefined}
              title={
                segment.findingIds.map((id) => pack.findings.find((f) => f.id === id)?.title).join(' · ') || undefined
              }
            >
              {content}
            </mark>,
          ];
        })}
      </article>

      <nav aria-labelledby="findings-title" class="finding-index">
        <h2 id="findings-title">Findings</h2>
        <ul>
          {pack.findings.map((f) => (
            <li key={f.id} data-finding-id={f.id} class={f.id === currentId ? 'current' : undefined}>
              <a href={`#${f.id}`} aria-current={f.id === currentId ? 'location' : undefined}>
                {f.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
