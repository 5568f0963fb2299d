import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { AnalysisSettings } from '../../core/analyze';
import { DEFAULT_FORM, settingsFromForm, type FormErrors, type SettingsForm } from '../model/settings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '32em' },
  percent: { maxWidth: '8em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface SettingsPanelProps {
  /** The settings the shown analysis was made with. */
  value: SettingsForm;
  /** Called with valid settings only; the pane re-runs the analysis. */
  onApply: (form: SettingsForm, settings: AnalysisSettings) => void;
  busy?: boolean;
}

/** The reserve guideline and the opening equity, as on the command line (--reserve-percent, --reserve-base, --opening-equity). */
export function SettingsPanel({ value, onApply, busy = false }: SettingsPanelProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<SettingsForm>(value);
  const [errors, setErrors] = useState<FormErrors>({});
  useEffect(() => setDraft(value), [value]);

  const update = (patch: Partial<SettingsForm>) => {
    setDraft({ ...draft, ...patch });
    // An error goes away as soon as its field is edited; it is checked again on apply.
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  const [checking, setChecking] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    const result = await settingsFromForm(draft).finally(() => setChecking(false));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onApply(draft, result.settings);
  };

  const changed = JSON.stringify(draft) !== JSON.stringify(value);

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Inställningar">
      <Field
        label="Riktvärde för eget kapital (procent)"
        hint="Standard: 20 procent av medlemmarnas tilldelning."
        validationState={errors.reservePercent ? 'error' : 'none'}
        validationMessage={errors.reservePercent}
      >
        <Input
          className={styles.percent}
          value={draft.reservePercent}
          inputMode="decimal"
          contentAfter="%"
          onChange={(_e, data) => update({ reservePercent: data.value })}
        />
      </Field>

      <Field label="Procent av">
        <RadioGroup value={draft.reserveBase} onChange={(_e, data) => update({ reserveBase: data.value as SettingsForm['reserveBase'] })}>
          <Radio value="allocation" label="medlemmarnas tilldelning" />
          <Radio value="costs" label="kostnaderna" />
        </RadioGroup>
      </Field>

      <Field
        label="Ingående eget kapital (ÅR=BELOPP)"
        hint="För tabeller som inte anger eget kapital vid årets början, till exempel 2025=4000 i tabellens enhet. Lämna tomt annars."
        validationState={errors.openingEquity ? 'error' : 'none'}
        validationMessage={errors.openingEquity}
      >
        <Input value={draft.openingEquity} placeholder="2025=4000" onChange={(_e, data) => update({ openingEquity: data.value })} />
      </Field>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || checking}>Kör kontrollen igen</Button>
        <Button type="button" disabled={busy || JSON.stringify(draft) === JSON.stringify(DEFAULT_FORM)} onClick={() => { setDraft(DEFAULT_FORM); setErrors({}); }}>
          Återställ standardvärden
        </Button>
        {changed && <span aria-live="polite">Ändringarna gäller när du kör kontrollen igen.</span>}
      </div>
    </form>
  );
}
