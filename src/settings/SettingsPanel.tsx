import { useId, useState } from 'react';
import {
  applySettings,
  browserStorage,
  readSettings,
  saveSettings,
  type Settings,
  type TextSize,
  type ThemeChoice,
} from './settings.ts';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const SIZES: { value: TextSize; label: string }[] = [
  { value: 'small', label: 'Smaller' },
  { value: 'default', label: 'Default' },
  { value: 'large', label: 'Larger' },
  { value: 'largest', label: 'Largest' },
];

/**
 * The reader's theme and text size, applied as they choose and kept for
 * their next visit. Its code loads when the reader opens it (SiteHeader).
 */
export function SettingsPanel() {
  const [settings, setSettings] = useState(() => readSettings(browserStorage()));
  const id = useId();
  const change = (next: Settings) => {
    setSettings(next);
    applySettings(document.documentElement, next);
    saveSettings(browserStorage(), next);
  };
  return (
    <form className="settings__panel" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map(({ value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-theme`}
              value={value}
              checked={settings.theme === value}
              onChange={() => change({ ...settings, theme: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Text size</legend>
        {SIZES.map(({ value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-size`}
              value={value}
              checked={settings.textSize === value}
              onChange={() => change({ ...settings, textSize: value })}
            />
            <span className={`settings__size settings__size--${value}`}>{label}</span>
          </label>
        ))}
      </fieldset>
      <p className="settings__note">Kept in this browser for your next visit.</p>
    </form>
  );
}
