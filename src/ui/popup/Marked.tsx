import { splitMarked, type MarkedText } from './search';

/** Text with the matched parts in <mark>: built from text nodes only, so nothing in it is ever parsed as HTML. */
export function Marked({ value }: { value: MarkedText }) {
  return <>{splitMarked(value).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
