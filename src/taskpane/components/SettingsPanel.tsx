import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { AnalysisSettings } from '../../core/analyze';
import { usePaneText } from '../model/language';
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
  const text = usePaneText();
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
      setErrors(result.reason);
      return;
    }
    setErrors({});
    onApply(draft, result.value);
  };

  const changed = JSON.stringify(draft) !== JSON.stringify(value);

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label={text.settings}>
      <Field
        label={text.percentLabel}
        hint={text.percentHint}
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

      <Field label={text.percentOf}>
        <RadioGroup value={draft.reserveBase} onChange={(_e, data) => update({ reserveBase: data.value as SettingsForm['reserveBase'] })}>
          <Radio value="allocation" label={text.baseAllocation} />
          <Radio value="costs" label={text.baseCosts} />
        </RadioGroup>
      </Field>

      <Field
        label={text.openingLabel}
        hint={text.openingHint}
        validationState={errors.openingEquity ? 'error' : 'none'}
        validationMessage={errors.openingEquity}
      >
        <Input value={draft.openingEquity} placeholder="2025=4000" onChange={(_e, data) => update({ openingEquity: data.value })} />
      </Field>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || checking}>{text.rerun}</Button>
        <Button type="button" disabled={busy || JSON.stringify(draft) === JSON.stringify(DEFAULT_FORM)} onClick={() => { setDraft(DEFAULT_FORM); setErrors({}); }}>
          {text.reset}
        </Button>
        {changed && <span aria-live="polite">{text.pending}</span>}
      </div>
    </form>
  );
}
