import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { DocSection } from '../../core/sections/types';
import { sentence } from '../model/format';
import type { ComparedVersions } from '../model/source';

// The threshold of the plan's section "Förändringar jämfört med föregående förslag": changes at or
// above it are listed, in the budget table's unit. Applied with the button (or Enter), so that the
// section — and what the document says has changed — does not move with every key typed.

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  field: { flex: '0 1 16em', minWidth: 0 },
  input: { width: '100%', maxWidth: '10em' },
});

export interface ChangesThresholdProps {
  compared: ComparedVersions;
  /** The threshold the section was last built with. */
  value: string;
  disabled?: boolean;
  /** A threshold that gives a section: the text as written and the section. */
  onApply: (threshold: string, section: DocSection) => void;
}

export function ChangesThreshold({ compared, value, disabled = false, onApply }: ChangesThresholdProps) {
  const styles = useStyles();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const section = compared.changesSection(draft);
    if (!section.ok) {
      setError(sentence(section.reason));
      return;
    }
    setError(null);
    onApply(draft.trim(), section.value);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Gräns för avsnittet om förändringar">
      <Field
        className={styles.field}
        label={`Ändringar från (${compared.thresholdUnit})`}
        hint="Mindre ändringar redovisas inte i avsnittet; 0 tar med alla."
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <Input
          id={`${id}-threshold`}
          className={styles.input}
          value={draft}
          inputMode="decimal"
          contentAfter={compared.thresholdUnit}
          disabled={disabled}
          onChange={(_e, data) => {
            setDraft(data.value);
            setError(null);
          }}
        />
      </Field>
      <Button type="submit" disabled={disabled || draft.trim() === value}>Använd gränsen</Button>
    </form>
  );
}
