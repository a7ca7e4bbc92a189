import { useEffect, useState } from 'preact/hooks';

/** A keyboard command as the browser reports it (`commands.getAll()`): the key is '' when the person unset it. */
export interface Shortcut {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** What each command is called here: shorter than the manifest's description, which the browser's own list shows. */
const LABELS: Record<string, string> = {
  'next-mention': 'Next marked phrase',
  'toggle-site': 'Switch this site on or off',
};

interface Props {
  /** The real bindings (the person may have changed them in the browser); rejected or absent → nothing shown. */
  load: () => Promise<Shortcut[]>;
}

/** The keyboard shortcuts as they are bound now, read from the browser rather than from our manifest's suggestions. */
export function Shortcuts({ load }: Props) {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    let live = true;
    load().then(
      (all) => live && setShortcuts(all.filter((c) => c.name && LABELS[c.name])),
      () => undefined, // no commands API in this context: the footer simply has no shortcut list
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (shortcuts.length === 0) return null;
  return (
    <ul class="shortcuts" aria-label="Keyboard shortcuts" data-testid="shortcuts">
      {shortcuts.map((c) => (
        <li key={c.name} data-command={c.name}>
          <span>{LABELS[c.name ?? '']}</span>
          {c.shortcut ? <kbd>{c.shortcut}</kbd> : <span>not set</span>}
        </li>
      ))}
    </ul>
  );
}
