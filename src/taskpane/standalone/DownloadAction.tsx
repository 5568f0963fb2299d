import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { NoteBar } from '../components/NoteBar';
import type { Download } from './useStandalone';

const useStyles = makeStyles({
  download: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  downloadNote: { flex: '1 1 16em', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  downloadWarning: { flexBasis: '100%', color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  downloadError: { flexBasis: '100%' },
});

export interface DownloadActionProps {
  label: string;
  appearance: 'primary' | 'secondary';
  state: Download;
  disabled: boolean;
  /** Beside the button while nothing is made: what the file is. */
  idleText: string;
  busyText: string;
  /** A warning under the button, when there is one. */
  warning?: string;
  onClick: () => void;
}

/** A file the page makes and saves: the button, what it does or did, and why it could not. */
export function DownloadAction({ label, appearance, state, disabled, idleText, busyText, warning, onClick }: DownloadActionProps) {
  const styles = useStyles();
  return (
    <div className={styles.download}>
      <Button appearance={appearance} onClick={onClick} disabled={disabled || state.kind === 'busy'}>
        {label}
      </Button>
      <span className={styles.downloadNote} role="status" aria-live="polite">
        {state.kind === 'busy' && busyText}
        {state.kind === 'done' && state.text}
        {state.kind === 'idle' && idleText}
      </span>
      {warning && <span className={styles.downloadWarning}>{warning}</span>}
      {state.kind === 'error' && (
        <NoteBar className={styles.downloadError} intent="error" role="alert">{state.text}</NoteBar>
      )}
    </div>
  );
}
