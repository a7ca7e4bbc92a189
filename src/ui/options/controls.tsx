import type { ComponentChildren } from 'preact';

/** A fieldset of radio buttons, one per choice, saved on change; `children` follow the choices (their details). */
export function RadioGroup<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  children,
}: {
  legend: string;
  /** The radios' name (the setting's key). */
  name: string;
  /** Each choice and its label, in order. */
  choices: readonly (readonly [T, ComponentChildren])[];
  value: T;
  onChange: (next: T) => void;
  children?: ComponentChildren;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map(([choice, label]) => (
        <label class="check" key={choice}>
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          {label}
        </label>
      ))}
      {children}
    </fieldset>
  );
}

/**
 * A list of things put away, each with the one button that brings it back (or removes it), and a line for when
 * there is none. `label` is the row's text; `data` names the row for tests and styles (e.g. `data-site`).
 */
export function UndoList<T>({
  items,
  empty,
  labelledBy,
  keyOf,
  data,
  label,
  button,
  buttonLabel,
  onPick,
  listClass = 'sites',
}: {
  items: readonly T[];
  empty: ComponentChildren;
  labelledBy?: string;
  keyOf: (item: T) => string;
  data: (item: T) => Record<`data-${string}`, string>;
  label: (item: T) => ComponentChildren;
  /** The visible button text ("Remove", "Show again"). */
  button: string;
  /** The button's accessible name, naming its row. */
  buttonLabel: (item: T) => string;
  onPick: (item: T) => void;
  listClass?: string;
}) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class={listClass} aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={keyOf(item)} {...data(item)}>
          {label(item)}
          <button type="button" aria-label={buttonLabel(item)} onClick={() => onPick(item)}>
            {button}
          </button>
        </li>
      ))}
    </ul>
  );
}
