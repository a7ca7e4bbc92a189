import { Marked } from './Marked';
import type { MarkedText } from './search';

export interface FindingOption {
  id: string;
  title: MarkedText;
  snippet?: MarkedText & { field: string };
}

export interface OptionSection {
  /** Absent for plain search results. */
  title?: string;
  options: FindingOption[];
}

interface Props {
  sections: OptionSection[];
  activeId: string | undefined;
  onOpen: (id: string) => void;
  onHover: (id: string) => void;
}

export const optionDomId = (id: string) => `finding-option-${id}`;
export const LISTBOX_ID = 'finding-results';

/**
 * The findings the search box drives (ARIA combobox + listbox: focus stays in the box, arrows move the active option).
 * Each option carries data-finding-id (a contract other tools rely on).
 */
export function FindingList({ sections, activeId, onOpen, onHover }: Props) {
  const renderOption = (option: FindingOption) => (
    <li
      key={option.id}
      id={optionDomId(option.id)}
      role="option"
      aria-selected={option.id === activeId}
      class={`result${option.id === activeId ? ' active' : ''}`}
      data-finding-id={option.id}
      onClick={() => onOpen(option.id)}
      onMouseMove={() => onHover(option.id)}
    >
      <span class="result-title">
        <Marked value={option.title} />
      </span>
      {option.snippet && (
        <span class="result-snippet">
          <span class="field">{option.snippet.field}: </span>
          <Marked value={option.snippet} />
        </span>
      )}
    </li>
  );
  return (
    <ul id={LISTBOX_ID} role="listbox" aria-label="Findings" class="results">
      {sections.map((section, i) =>
        section.title ? (
          <li key={section.title} role="presentation" class="group">
            <span class="group-title" id={`group-${i}`} aria-hidden="true">
              {section.title}
            </span>
            <ul role="group" aria-labelledby={`group-${i}`}>
              {section.options.map(renderOption)}
            </ul>
          </li>
        ) : (
          section.options.map(renderOption)
        ),
      )}
    </ul>
  );
}
