import type { SearchResult } from './search';

interface Props {
  query: string;
  /** Close findings for a query with no result (the search module's suggestions); none → only the way back. */
  suggestions: readonly SearchResult[];
  onOpen: (id: string) => void;
  onClear: () => void;
}

/** An empty search result: says so, offers the closest findings, and a way back to the full list. */
export function NoResult({ query, suggestions, onOpen, onClear }: Props) {
  return (
    <div class="no-result">
      <p class="muted" role="status">
        No finding matches “{query.trim()}”.
        {suggestions.length > 0 ? ' Close to it:' : ''}
      </p>
      {suggestions.length > 0 && (
        <ul class="suggestions" aria-label="Close findings">
          {suggestions.map((s) => (
            <li key={s.id}>
              <button type="button" data-finding-id={s.id} onClick={() => onOpen(s.id)}>
                {s.title.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="link-button" onClick={onClear}>
        Show all findings
      </button>
    </div>
  );
}
