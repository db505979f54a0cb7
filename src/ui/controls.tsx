// Small form controls with their accessibility built in: a labelled switch, a segmented choice
// (native radios, so arrow keys work as everywhere else), and a site picker.
import { useId } from 'preact/hooks';
import type { SiteId } from '../sites/registry';
import { PAGE_SITES } from './sites';

export interface SwitchProps {
  checked: boolean;
  label: string;
  description?: string;
  disabled?: boolean;
  onChange: (next: boolean) => void;
  /** Stable hook for tests and styling. */
  name?: string;
  /** Only the switch shows; the label is still read out (e.g. in a list row that names the thing). */
  hideLabel?: boolean;
}

export function Switch({ checked, label, description, disabled, onChange, name, hideLabel }: SwitchProps) {
  const id = useId();
  return (
    <div class={`switch-row${hideLabel ? ' switch-row--bare' : ''}`}>
      <div class={hideLabel ? 'visually-hidden' : 'switch-row__text'}>
        <span id={`${id}-label`} class="switch-row__label">{label}</span>
        {description && <span id={`${id}-desc`} class="switch-row__desc">{description}</span>}
      </div>
      <button
        type="button"
        role="switch"
        class="switch"
        data-name={name}
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-desc` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="switch__thumb" aria-hidden="true" />
      </button>
    </div>
  );
}

export interface SegmentedOption<V extends string> {
  value: V;
  label: string;
}

export interface SegmentedProps<V extends string> {
  legend: string;
  /** Visually hide the legend (it is still read out). */
  hideLegend?: boolean;
  name: string;
  value: V;
  options: readonly SegmentedOption<V>[];
  onChange: (next: V) => void;
  describedBy?: string;
}

export function Segmented<V extends string>({ legend, hideLegend, name, value, options, onChange, describedBy }: SegmentedProps<V>) {
  return (
    <fieldset class="segmented" aria-describedby={describedBy}>
      <legend class={hideLegend ? 'visually-hidden' : 'segmented__legend'}>{legend}</legend>
      <div class="segmented__track">
        {options.map((o) => (
          <label key={o.value} class={`segmented__option${o.value === value ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SiteSelect({ value, onChange, label, id, includeAll }: {
  value: SiteId | '';
  onChange: (s: SiteId | '') => void;
  label?: string;
  id?: string;
  includeAll?: string;
}) {
  return (
    <select id={id} class="select" aria-label={label} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as SiteId | '')}>
      {includeAll !== undefined && <option value="">{includeAll}</option>}
      {PAGE_SITES.map((s) => (
        <option key={s.id} value={s.id}>{s.name}</option>
      ))}
    </select>
  );
}
